package io.natrium.benchmarks.load;

import java.io.IOException;
import java.util.List;

/**
 * One publisher sends {@code size} messages to a subject nobody subscribes to, then PING; the PONG means the server
 * has processed every one. Figures: messages per second and payload megabytes (10^6 bytes) per second.
 */
final class PubOnlyScenario implements Scenario {

    private final int payloadSize;
    private final long messages;
    private final byte[][] frames;

    PubOnlyScenario(int payloadSize, long messages) {
        this.payloadSize = payloadSize;
        this.messages = messages;
        this.frames = new byte[][] {NatsConnection.pubFrame("bench.nobody", null, NatsConnection.payload(payloadSize))};
    }

    @Override
    public String id() {
        return "pub" + payloadSize;
    }

    @Override
    public String title() {
        return "pub-only, " + payloadSize + " B";
    }

    @Override
    public long size() {
        return messages;
    }

    @Override
    public List<Metric> run(RunContext context, long size) throws IOException {
        NatsConnection publisher = context.connect();
        publisher.roundTrip();
        long start = System.nanoTime();
        publisher.write(frames, size);
        publisher.roundTrip();
        long nanos = System.nanoTime() - start;
        return List.of(Metric.rate("msgs/s", size, nanos), Metric.rate("MB/s", size * payloadSize / 1e6, nanos));
    }
}
