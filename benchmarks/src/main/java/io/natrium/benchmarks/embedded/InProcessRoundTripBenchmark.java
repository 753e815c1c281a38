package io.natrium.benchmarks.embedded;

import io.natrium.embedded.NatriumServer;
import io.natrium.embedded.jnats.InProcessNats;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One jnats request and its reply through an embedded server, the requester and the responder both over loopback TCP
 * or both in-process: what a test or an application in the server's JVM saves by skipping the socket.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InProcessRoundTripBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Param({"tcp", "inprocess"})
    public String transport;

    @Param({"16", "4096"})
    public int payloadBytes;

    private NatriumServer server;
    private Connection responder;
    private Connection requester;
    private byte[] payload;

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException, TimeoutException {
        server = NatriumServer.start();
        responder = connect();
        requester = connect();
        Dispatcher dispatcher = responder.createDispatcher(request ->
                responder.publish(request.getReplyTo(), request.getData()));
        dispatcher.subscribe("echo");
        responder.flush(TIMEOUT);
        payload = new byte[payloadBytes];
    }

    @Benchmark
    public Message requestReply() throws InterruptedException {
        Message reply = requester.request("echo", payload, TIMEOUT);
        if (reply == null) {
            throw new IllegalStateException("no reply within " + TIMEOUT);
        }
        return reply;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        requester.close();
        responder.close();
        server.close();
    }

    private Connection connect() throws IOException, InterruptedException {
        Options.Builder options = "inprocess".equals(transport) ? InProcessNats.options(server)
                : new Options.Builder().server(server.clientUrl());
        return Nats.connect(options.connectionTimeout(TIMEOUT).build());
    }
}
