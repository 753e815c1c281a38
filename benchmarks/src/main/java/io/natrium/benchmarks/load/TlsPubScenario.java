package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import javax.net.ssl.SSLSocket;

/**
 * Pub-only over TLS, 16 B: one publisher, a blocking TLS socket, sends {@code size} messages to a subject nobody
 * subscribes to in 64 KiB batches, then PING; the PONG means the server has decrypted and processed every one.
 * Figures: messages per second. What differs from {@code pub16} is the server's decryption.
 */
final class TlsPubScenario implements Scenario {

    private static final byte[] PING = "PING\r\n".getBytes(US_ASCII);

    private final long messages;
    private final LoadTls tls;
    private final PublishStream stream = PublishStream.of("bench.nobody", 16);

    TlsPubScenario(long messages, LoadTls tls) {
        this.messages = messages;
        this.tls = tls;
    }

    @Override
    public String id() {
        return "tlspub";
    }

    @Override
    public String title() {
        return "pub-only over TLS, 16 B";
    }

    @Override
    public long size() {
        return messages;
    }

    @Override
    public List<Metric> run(IoLoop loop, long size) throws IOException {
        byte[] input = new byte[64 * 1024];
        FrameScanner scanner = new FrameScanner();
        try (SSLSocket publisher = tls.connect(loop, (int) loop.timeout().toMillis(), input, scanner)) {
            long pongs = scanner.pongs();
            long start = System.nanoTime();
            OutputStream out = publisher.getOutputStream();
            stream.write(out, size);
            out.write(PING);
            out.flush();
            ConnectionChurnScenario.readUntil(publisher.getInputStream(), input, scanner,
                    () -> scanner.pongs() - pongs, 0);
            long nanos = System.nanoTime() - start;
            if (scanner.messages() != 0) {
                throw new LoadFailure("the publisher received " + scanner.messages() + " messages");
            }
            return List.of(Metric.rate("msgs/s", size, nanos));
        }
    }
}
