package io.natrium.benchmarks.pipeline;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's work for one read of 16 B PUBs ({@link InboundPipeline}), per message: with no subscriber it is the
 * pub-only scenario's server work without the kernel, with one the pub/sub scenario's. JMH's benchmark threads are not
 * Netty's, so the pooled allocator serves them without its thread cache (an event loop has one);
 * {@link InboundPipelineCpu} runs the same on a Netty thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InboundPipelineBenchmark {

    @Param({"0", "1"})
    public int subscribers;

    private InboundPipeline pipeline;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        pipeline = new InboundPipeline(subscribers);
    }

    @Benchmark
    @OperationsPerInvocation(InboundPipeline.MESSAGES)
    public int publishOneRead() {
        return pipeline.publishOneRead();
    }

    @TearDown(Level.Trial)
    public void close() {
        pipeline.close();
    }
}
