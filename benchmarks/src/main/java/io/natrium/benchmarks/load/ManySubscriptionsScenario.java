package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 10,000 subscriptions (literal, {@code *} and {@code >} filters) spread round-robin over 10 subscriber
 * connections, and one publisher cycling through 5,000 distinct subjects {@code load.t<a>.u<b>.v<c>}. The filters
 * draw their literal tokens from a space eight times larger than the published one, so most subjects hit few
 * filters while a few {@code >} filters see a tenth of everything. The expected delivery count per connection is
 * computed from the filters with {@link SubjectMatcher}. The figure is messages published per second, timed until
 * the last delivery.
 */
final class ManySubscriptionsScenario implements Scenario {

    private static final int CONNECTIONS = 10;
    private static final int SUBSCRIPTIONS = 10_000;
    private static final int T = 10;
    private static final int U = 25;
    private static final int V = 20;
    private static final int WIDER = 2;

    private final long messages;
    private final String[] filters = new String[SUBSCRIPTIONS];
    private final PublishStream stream;
    /** Deliveries per published subject (by index) and subscriber connection. */
    private final int[][] matches = new int[T * U * V][CONNECTIONS];

    ManySubscriptionsScenario(long messages) {
        this.messages = messages;
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            filters[i] = filter(random);
        }
        String[][] filterTokens = new String[SUBSCRIPTIONS][];
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            filterTokens[i] = SubjectMatcher.tokens(filters[i]);
        }
        String[] subjects = new String[T * U * V];
        int subject = 0;
        for (int t = 0; t < T; t++) {
            for (int u = 0; u < U; u++) {
                for (int v = 0; v < V; v++, subject++) {
                    String name = "load.t" + t + ".u" + u + ".v" + v;
                    subjects[subject] = name;
                    String[] tokens = SubjectMatcher.tokens(name);
                    for (int f = 0; f < SUBSCRIPTIONS; f++) {
                        if (SubjectMatcher.matches(filterTokens[f], tokens)) {
                            matches[subject][f % CONNECTIONS]++;
                        }
                    }
                }
            }
        }
        stream = PublishStream.of(subjects, 16);
    }

    /** A random filter: about 60 % literal, 35 % with {@code *}, 5 % with {@code >}. */
    private static String filter(SplittableRandom random) {
        String t = "t" + random.nextInt(T * WIDER);
        String u = "u" + random.nextInt(U * WIDER);
        String v = "v" + random.nextInt(V * WIDER);
        int kind = random.nextInt(100);
        if (kind < 60) {
            return "load." + t + "." + u + "." + v;
        } else if (kind < 75) {
            return "load." + t + ".*." + v;
        } else if (kind < 85) {
            return "load.*." + u + "." + v;
        } else if (kind < 95) {
            return "load." + t + "." + u + ".*";
        } else if (kind < 99) {
            return "load." + t + "." + u + ".>";
        }
        return "load." + t + ".>";
    }

    @Override
    public String id() {
        return "subs10k";
    }

    @Override
    public String title() {
        return "10,000 subscriptions, 5,000 subjects";
    }

    @Override
    public long size() {
        return messages;
    }

    @Override
    public List<Metric> run(IoLoop loop, long size) throws IOException {
        List<Connection> receivers = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Connection connection = loop.connect("subs10k-" + c, new FrameScanner());
            StringBuilder subs = new StringBuilder();
            for (int f = c; f < SUBSCRIPTIONS; f += CONNECTIONS) {
                subs.append("SUB ").append(filters[f]).append(' ').append(f + 1).append("\r\n");
            }
            connection.send(subs.toString().getBytes(US_ASCII));
            receivers.add(connection);
        }
        Connection publisher = loop.connect("publisher", new FrameScanner());
        List<Connection> all = new ArrayList<>(receivers);
        all.add(publisher);
        loop.sync(all);
        long[] expected = expected(size);
        long total = Arrays.stream(expected).sum();
        Connection[] counted = receivers.toArray(Connection[]::new);
        long start = System.nanoTime();
        publisher.publish(stream, size);
        loop.runUntil(() -> PubSubScenario.received(counted) >= total, "deliveries");
        long nanos = System.nanoTime() - start;
        loop.sync(List.of(publisher));
        loop.sync(receivers);
        long[] received = Arrays.stream(counted).mapToLong(connection -> connection.scanner().messages()).toArray();
        if (!Arrays.equals(received, expected)) {
            throw new LoadFailure("received " + Arrays.toString(received) + ", expected " + Arrays.toString(expected));
        }
        return List.of(Metric.rate("msgs/s", size, nanos));
    }

    /** Deliveries per connection when {@code size} messages cycle through the subjects. */
    long[] expected(long size) {
        int subjects = stream.subjectCount();
        long[] expected = new long[CONNECTIONS];
        long fullCycles = size / subjects;
        long rest = size % subjects;
        for (int subject = 0; subject < subjects; subject++) {
            long times = fullCycles + (subject < rest ? 1 : 0);
            for (int c = 0; c < CONNECTIONS; c++) {
                expected[c] += times * matches[subject][c];
            }
        }
        return expected;
    }
}
