package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLSocket;

/**
 * Pub/sub 1:1 over TLS, 16 B: a publisher and a subscriber, each a blocking TLS socket (INFO in clear, then the
 * handshake, as NATS clients do), the publisher writing 64 KiB batches of PUBs on its thread while the subscriber's
 * thread counts the deliveries. Timed from the first write until the last delivery; the encryption on both sides
 * of the server is what differs from {@code pubsub}.
 */
final class TlsPubSubScenario implements Scenario {

    private static final String SUBJECT = "bench.tls";
    private static final byte[] SUBSCRIBE = ("SUB " + SUBJECT + " 1\r\nPING\r\n").getBytes(US_ASCII);

    private final long messages;
    private final LoadTls tls;
    private final PublishStream stream = PublishStream.of(SUBJECT, 16);

    TlsPubSubScenario(long messages, LoadTls tls) {
        this.messages = messages;
        this.tls = tls;
    }

    @Override
    public String id() {
        return "tlspubsub";
    }

    @Override
    public String title() {
        return "pub/sub 1:1 over TLS, 16 B";
    }

    @Override
    public long size() {
        return messages;
    }

    @Override
    public List<Metric> run(IoLoop loop, long size) throws IOException {
        int timeout = (int) loop.timeout().toMillis();
        byte[] input = new byte[256 * 1024];
        try (SSLSocket subscriber = open(loop, timeout, input); SSLSocket publisher = open(loop, timeout, input)) {
            FrameScanner deliveries = new FrameScanner();
            subscriber.getOutputStream().write(SUBSCRIBE);
            ConnectionChurnScenario.readUntil(subscriber.getInputStream(), input, deliveries, deliveries::pongs, 0);
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> receive(subscriber, deliveries,
                    size));
            long start = System.nanoTime();
            stream.write(publisher.getOutputStream(), size);
            long end = received.get(timeout + size / 1000, TimeUnit.MILLISECONDS);
            return List.of(Metric.rate("msgs/s", size, end - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new LoadFailure("the subscriber did not get every message: " + e);
        }
    }

    private SSLSocket open(IoLoop loop, int timeout, byte[] input) throws IOException {
        return tls.connect(loop, timeout, input, new FrameScanner());
    }

    /** Counts deliveries until {@code count}; returns when the last arrived. */
    private static long receive(SSLSocket subscriber, FrameScanner scanner, long count) {
        byte[] input = new byte[256 * 1024];
        try {
            InputStream in = subscriber.getInputStream();
            while (scanner.messages() < count) {
                int read = in.read(input);
                if (read < 0) {
                    throw new LoadFailure("the server closed the subscriber");
                }
                scanner.feed(input, 0, read);
            }
            if (scanner.failure() != null) {
                throw new LoadFailure(scanner.failure());
            }
            return System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
