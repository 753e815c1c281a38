package io.natrium.benchmarks.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One publisher and some subscriber connections on one subject, 16 B payloads: 1:1, fan-out (each subscriber
 * receives every message) or a queue group (the members share the messages, each gets some). The figure is messages
 * published per second, timed from the first write until the last delivery.
 */
final class PubSubScenario implements Scenario {

    private static final String SUBJECT = "bench.pubsub";
    private static final int PAYLOAD = 16;

    private final String id;
    private final String title;
    private final int subscribers;
    private final String queue;
    private final long messages;
    private final byte[][] frames =
            {NatsConnection.pubFrame(SUBJECT, null, NatsConnection.payload(PAYLOAD))};

    private PubSubScenario(String id, String title, int subscribers, String queue, long messages) {
        this.id = id;
        this.title = title;
        this.subscribers = subscribers;
        this.queue = queue;
        this.messages = messages;
    }

    static PubSubScenario oneToOne(long messages) {
        return new PubSubScenario("pubsub", "pub/sub 1:1, 16 B", 1, null, messages);
    }

    static PubSubScenario fanOut(int subscribers, long messages) {
        return new PubSubScenario("fanout", "fan-out 1:" + subscribers + ", 16 B", subscribers, null, messages);
    }

    static PubSubScenario queueGroup(int members, long messages) {
        return new PubSubScenario("queue", "queue group of " + members + ", 16 B", members, "workers", messages);
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
    public List<Metric> run(RunContext context, long size) throws IOException {
        List<Subscriber> connections = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            connections.add(context.subscriber(id + "-sub-" + i, null,
                    connection -> connection.subscribe(SUBJECT, queue, 1)));
        }
        NatsConnection publisher = context.connect();
        publisher.roundTrip();
        long[] each = new long[subscribers];
        Arrays.fill(each, size);
        Expectation expectation = queue == null ? Expectation.each(each) : Expectation.shared(size);
        long nanos = Flood.publishAndAwait(publisher, frames, size, connections, expectation, context.timeout());
        return List.of(Metric.rate("msgs/s", size, nanos));
    }
}
