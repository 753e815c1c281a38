package io.natrium.benchmarks.embedded;

import io.natrium.embedded.NatriumServer;
import io.natrium.embedded.jnats.InProcessNats;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.time.Duration;
import java.util.Arrays;

/**
 * jnats request/reply over loopback TCP and in-process through one embedded server, in alternating rounds, so that
 * both transports see the same moments of a shared machine's load (a JMH run measures one after the other, and the
 * load moves meanwhile). Prints the median and the 90th percentile of each.
 * {@code java -cp benchmarks/target/benchmarks.jar io.natrium.benchmarks.embedded.RoundTripComparison 40 500}
 */
public final class RoundTripComparison {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private RoundTripComparison() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        try (NatriumServer server = NatriumServer.start();
                Connection tcpResponder = Nats.connect(tcp(server));
                Connection tcpRequester = Nats.connect(tcp(server));
                Connection localResponder = InProcessNats.connect(server);
                Connection localRequester = InProcessNats.connect(server)) {
            echo(tcpResponder, "echo.tcp");
            echo(localResponder, "echo.local");
            long[] overTcp = new long[rounds * perRound];
            long[] inProcess = new long[rounds * perRound];
            byte[] payload = new byte[16];
            for (int round = 0; round < rounds; round++) {
                measure(tcpRequester, "echo.tcp", payload, overTcp, round * perRound, perRound);
                measure(localRequester, "echo.local", payload, inProcess, round * perRound, perRound);
            }
            // The first two rounds warm both paths up.
            report("TCP", Arrays.copyOfRange(overTcp, 2 * perRound, overTcp.length));
            report("in-process", Arrays.copyOfRange(inProcess, 2 * perRound, inProcess.length));
        }
    }

    private static Options tcp(NatriumServer server) {
        return new Options.Builder().server(server.clientUrl()).connectionTimeout(TIMEOUT).build();
    }

    private static void echo(Connection responder, String subject) throws Exception {
        Dispatcher dispatcher = responder.createDispatcher(request ->
                responder.publish(request.getReplyTo(), request.getData()));
        dispatcher.subscribe(subject);
        responder.flush(TIMEOUT);
    }

    private static void measure(Connection requester, String subject, byte[] payload, long[] into, int from,
            int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            if (requester.request(subject, payload, TIMEOUT) == null) {
                throw new IllegalStateException("no reply within " + TIMEOUT);
            }
            into[from + i] = System.nanoTime() - begin;
        }
    }

    private static void report(String transport, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf("%-10s median %6.1f us, p90 %7.1f us (%d requests)%n", transport,
                nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.9)] / 1e3, nanos.length);
    }
}
