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
    private final PublishStream stream;

    PubOnlyScenario(int payloadSize, long messages) {
        this.payloadSize = payloadSize;
        this.messages = messages;
        this.stream = PublishStream.of("bench.nobody", payloadSize);
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
    public List<Metric> run(IoLoop loop, long size) throws IOException {
        Connection publisher = loop.connect("publisher", new FrameScanner());
        loop.sync(List.of(publisher));
        long start = System.nanoTime();
        publisher.publish(stream, size);
        loop.sync(List.of(publisher));
        long nanos = System.nanoTime() - start;
        if (publisher.scanner().messages() != 0) {
            throw new LoadFailure("the publisher received " + publisher.scanner().messages() + " messages");
        }
        return List.of(Metric.rate("msgs/s", size, nanos), Metric.rate("MB/s", size * payloadSize / 1e6, nanos));
    }
}
