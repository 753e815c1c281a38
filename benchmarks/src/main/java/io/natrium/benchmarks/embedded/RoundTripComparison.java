package io.natrium.benchmarks.embedded;

import io.natrium.embedded.NatriumServer;
import io.natrium.embedded.jnats.InProcessNats;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * jnats request/reply over loopback TCP and in-process through one embedded server, in alternating rounds, so that
 * both transports see the same moments of a shared machine's load (a JMH run measures one after the other, and the
 * load moves meanwhile). Prints the median and the 90th percentile of each, their ratio, and on Linux the hand-offs
 * between threads per round trip ({@link ThreadSwitches}) with the threads that made them.
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
            Map<String, Long> tcpSwitches = new HashMap<>();
            Map<String, Long> localSwitches = new HashMap<>();
            for (int round = 0; round < rounds; round++) {
                // The first two rounds warm both paths up: their switches are not counted.
                Map<String, Long> discard = new HashMap<>();
                ThreadSwitches before = ThreadSwitches.now();
                measure(tcpRequester, "echo.tcp", payload, overTcp, round * perRound, perRound);
                ThreadSwitches between = ThreadSwitches.now();
                measure(localRequester, "echo.local", payload, inProcess, round * perRound, perRound);
                ThreadSwitches after = ThreadSwitches.now();
                between.addSince(before, round < 2 ? discard : tcpSwitches);
                after.addSince(between, round < 2 ? discard : localSwitches);
            }
            long[] tcp = Arrays.copyOfRange(overTcp, 2 * perRound, overTcp.length);
            long[] local = Arrays.copyOfRange(inProcess, 2 * perRound, inProcess.length);
            double tcpMedian = report("TCP", tcp);
            double localMedian = report("in-process", local);
            System.out.printf("in-process / TCP at the median: %.2f%n", localMedian / tcpMedian);
            switches("TCP", tcpSwitches, tcp.length);
            switches("in-process", localSwitches, local.length);
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

    /** Prints the median and 90th percentile; returns the median in microseconds. */
    private static double report(String transport, long[] nanos) {
        Arrays.sort(nanos);
        double median = nanos[nanos.length / 2] / 1e3;
        System.out.printf("%-10s median %6.1f us, p90 %7.1f us (%d requests)%n", transport, median,
                nanos[(int) (nanos.length * 0.9)] / 1e3, nanos.length);
        return median;
    }

    /** The voluntary switches per round trip, in all and by the threads that made at least 0.05 each. */
    private static void switches(String transport, Map<String, Long> byThread, int requests) {
        if (byThread.isEmpty()) {
            return;
        }
        long total = byThread.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%-10s thread switches per round trip: %.2f%n", transport, (double) total / requests);
        byThread.entrySet().stream()
                .filter(entry -> entry.getValue() >= requests / 20)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(entry -> System.out.printf("    %-28s %.2f%n", entry.getKey(),
                        (double) entry.getValue() / requests));
    }
}
