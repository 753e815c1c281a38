package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The load tool's receive cost without the kernel: {@link FrameScanner} over 256 KiB of {@code MSG} frames as a
 * subscriber reads them (16 B payloads carrying sequence numbers), per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameScannerBenchmark {

    private static final int MESSAGES = 6_000;

    private byte[] chunk;
    private FrameScanner counting;
    private FrameScanner sequenced;

    @Setup
    public void encode() {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int i = 0; i < MESSAGES; i++) {
            frames.writeBytes("MSG bench.pubsub 1 16\r\n".getBytes(US_ASCII));
            frames.writeBytes(PublishStream.payload(i, 16));
            frames.writeBytes(new byte[] {'\r', '\n'});
        }
        chunk = frames.toByteArray();
        counting = new FrameScanner();
        sequenced = new FrameScanner().expectSequence(MESSAGES);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long countOnly() {
        counting.feed(chunk, 0, chunk.length);
        return counting.messages();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long countAndCheckSequence() {
        sequenced.feed(chunk, 0, chunk.length);
        return sequenced.messages();
    }
}
