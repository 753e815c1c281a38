package io.natrium.benchmarks.embedded;

import io.natrium.embedded.NatriumServer;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-to-ready of an embedded server after the first in the JVM (the warm-up starts the first ones): from
 * {@code start()} to a server whose TCP and in-process listeners accept. Each server is closed outside the measured
 * time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmbeddedStartBenchmark {

    private NatriumServer server;

    @Benchmark
    public NatriumServer startToReady() {
        server = NatriumServer.start();
        return server;
    }

    @Benchmark
    public NatriumServer startToReadyWithMonitoring() {
        server = NatriumServer.builder().monitoring().start();
        return server;
    }

    @TearDown(Level.Invocation)
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
