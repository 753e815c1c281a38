package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One publisher and some subscriber connections on one subject: 1:1, fan-out (each subscriber receives every message,
 * in order) or a queue group (the members share the messages exactly, each gets some, each in increasing order). The
 * figure is messages published per second, timed from the first write until the last delivery; then the publisher
 * and every subscriber synchronise with the server (PING/PONG) so that late or duplicate deliveries are counted too.
 */
final class PubSubScenario implements Scenario {

    private static final String SUBJECT = "bench.pubsub";

    private final String id;
    private final String title;
    private final int subscribers;
    private final String queue;
    private final long messages;
    private final PublishStream stream;
    private final ClientTransport transport;

    private PubSubScenario(String id, String title, int subscribers, String queue, int payloadSize, long messages,
            ClientTransport transport) {
        this.id = id;
        this.title = title;
        this.subscribers = subscribers;
        this.queue = queue;
        this.messages = messages;
        this.stream = PublishStream.of(SUBJECT, payloadSize);
        this.transport = transport;
    }

    /** Publisher and subscriber both through {@code transport}. */
    static PubSubScenario oneToOne(int payloadSize, long messages, ClientTransport transport) {
        String id = switch (transport) {
            case NATS -> "pubsub";
            case WEBSOCKET -> "wspubsub";
            case WEBSOCKET_DEFLATE -> "wspubsubz";
        };
        return new PubSubScenario(payloadSize == 16 ? id : id + payloadSize,
                "pub/sub 1:1" + transport.titleSuffix() + ", " + payloadSize + " B", 1, null, payloadSize, messages,
                transport);
    }

    static PubSubScenario fanOut(int subscribers, long messages) {
        return new PubSubScenario("fanout", "fan-out 1:" + subscribers + ", 16 B", subscribers, null, 16, messages,
                ClientTransport.NATS);
    }

    static PubSubScenario queueGroup(int members, long messages) {
        return new PubSubScenario("queue", "queue group of " + members + ", 16 B", members, "workers", 16, messages,
                ClientTransport.NATS);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public long size() {
        return messages;
    }

    @Override
    public List<Metric> run(IoLoop loop, long size) throws IOException {
        byte[] sub = ("SUB " + SUBJECT + (queue == null ? "" : " " + queue) + " 1\r\n").getBytes(US_ASCII);
        List<Connection> receivers = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            FrameScanner scanner = queue == null ? new FrameScanner().expectSequence(stream.frames())
                    : new FrameScanner().expectIncreasingSequence(stream.frames());
            Connection connection = transport.connect(loop, id + "-sub-" + i, scanner);
            connection.send(sub);
            receivers.add(connection);
        }
        Connection publisher = transport.connect(loop, "publisher", new FrameScanner());
        List<Connection> all = new ArrayList<>(receivers);
        all.add(publisher);
        loop.sync(all);
        long total = queue == null ? size * subscribers : size;
        Connection[] counted = receivers.toArray(Connection[]::new);
        long start = System.nanoTime();
        publisher.publish(stream, size);
        loop.runUntil(() -> received(counted) >= total, "deliveries");
        long nanos = System.nanoTime() - start;
        loop.sync(List.of(publisher));
        loop.sync(receivers);
        long[] each = Arrays.stream(counted).mapToLong(connection -> connection.scanner().messages()).toArray();
        String mismatch = queue == null ? mismatchEach(each, size) : mismatchShared(each, size);
        if (mismatch != null) {
            throw new LoadFailure(mismatch);
        }
        return List.of(Metric.rate("msgs/s", size, nanos));
    }

    static long received(Connection[] connections) {
        long sum = 0;
        for (Connection connection : connections) {
            sum += connection.scanner().messages();
        }
        return sum;
    }

    private static String mismatchEach(long[] received, long expected) {
        for (long count : received) {
            if (count != expected) {
                return "subscribers received " + Arrays.toString(received) + ", expected " + expected + " each";
            }
        }
        return null;
    }

    private static String mismatchShared(long[] received, long expected) {
        long sum = Arrays.stream(received).sum();
        boolean everyMemberServed = Arrays.stream(received).allMatch(count -> count > 0);
        return sum == expected && everyMemberServed ? null
                : "members received " + Arrays.toString(received) + " (sum " + sum + "), expected " + expected
                        + " in all and some for each member";
    }
}
