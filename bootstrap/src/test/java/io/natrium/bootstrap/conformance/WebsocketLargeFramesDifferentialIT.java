package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.WebsocketWire.ascii;
import static io.natrium.bootstrap.conformance.WebsocketWire.frame;
import static io.natrium.bootstrap.conformance.WebsocketWire.header;
import static io.natrium.bootstrap.conformance.WebsocketWire.masked;
import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.natrium.testkit.PermessageDeflate;
import io.natrium.testkit.ServerProcess;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames far larger than any message, as nats-server's websocket listener takes them and Natrium's must too: a
 * 20 MiB frame carrying 20,000 PUBs, the same bytes as one message cut into fragments with a ping between them,
 * compressed as one frame and as fragments, and a frame announcing a terabyte whose PUBs must reach the subscriber
 * while the frame is still being sent (no server can hold such a frame: it is read as a stream). What a jnats TCP
 * subscriber receives (count and checksum of the payloads, in order) and what the websocket client is answered are
 * compared between nats-server 2.9.10 and Natrium.
 */
class WebsocketLargeFramesDifferentialIT {

    private static final Duration ANSWER = Duration.ofSeconds(60);
    private static final int MESSAGES = 21_000;
    private static final int PAYLOAD = 1000;
    private static final String SUBJECT = "big";
    private static final int BINARY = 0x82;

    @TempDir
    static Path dir;

    private static ServerPair pair;
    private static int referencePort;
    private static int natriumPort;

    @BeforeAll
    static void startServers() throws Exception {
        referencePort = ServerProcess.freePort();
        natriumPort = ServerProcess.freePort();
        pair = ServerPair.start(arguments("reference", referencePort), arguments("natrium", natriumPort));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void aTwentyMebibyteFrameOfPubsReachesATcpSubscriberWhole() throws Exception {
        byte[] pubs = pubs(MESSAGES, "PING\r\n");
        assertThat(pubs.length).isGreaterThan(20 * 1024 * 1024);

        String theirs = play(pair.reference(), referencePort, false, wire -> wire.send(frame(BINARY, true, pubs)),
                MESSAGES, true);
        String ours = play(pair.natrium(), natriumPort, false, wire -> wire.send(frame(BINARY, true, pubs)),
                MESSAGES, true);

        assertThat(ours).as("Natrium, beside nats-server").isEqualTo(theirs);
        assertThat(theirs).isEqualTo(expected(MESSAGES) + "ws: fin=1 rsv=0 op=2 PONG\\r\\n\n");
    }

    @Test
    void aHugeMessageInFragmentsWithAPingBetweenThemIsTakenWhole() throws Exception {
        byte[] pubs = pubs(MESSAGES, "PING\r\n");
        Sender fragments = wire -> {
            // Cut at odd places, inside PUBs; a ping between the second and third fragment.
            int[] cuts = {0, 3_000_001, 7_777_777, 12_345_679, 17_000_003, pubs.length};
            for (int i = 0; i + 1 < cuts.length; i++) {
                if (i == 2) {
                    wire.send(frame(0x89, true, ascii("between")));
                }
                int first = (i == 0 ? 0x02 : 0x00) | (i + 2 == cuts.length ? 0x80 : 0);
                wire.send(frame(first, true, Arrays.copyOfRange(pubs, cuts[i], cuts[i + 1])));
            }
        };

        String theirs = play(pair.reference(), referencePort, false, fragments, MESSAGES, true);
        String ours = play(pair.natrium(), natriumPort, false, fragments, MESSAGES, true);

        assertThat(ours).as("Natrium, beside nats-server").isEqualTo(theirs);
        assertThat(theirs).isEqualTo(expected(MESSAGES) + "ws: fin=1 rsv=0 op=10 between\n"
                + "ws: fin=1 rsv=0 op=2 PONG\\r\\n\n");
    }

    @Test
    void hugeCompressedMessagesAreInflatedWhole() throws Exception {
        byte[] pubs = pubs(MESSAGES, "PING\r\n");
        byte[] compressed = PermessageDeflate.deflated(pubs);
        Sender oneFrame = wire -> wire.send(frame(0xc2, true, compressed));
        Sender fragments = wire -> {
            int quarter = compressed.length / 4;
            wire.send(frame(0x42, true, Arrays.copyOfRange(compressed, 0, quarter)));
            wire.send(frame(0x00, true, Arrays.copyOfRange(compressed, quarter, 2 * quarter)));
            wire.send(frame(0x89, true, ascii("between")));
            wire.send(frame(0x00, true, Arrays.copyOfRange(compressed, 2 * quarter, 3 * quarter)));
            wire.send(frame(0x80, true, Arrays.copyOfRange(compressed, 3 * quarter, compressed.length)));
        };

        for (Sender sender : List.of(oneFrame, fragments)) {
            String theirs = play(pair.reference(), referencePort, true, sender, MESSAGES, true);
            String ours = play(pair.natrium(), natriumPort, true, sender, MESSAGES, true);

            assertThat(ours).as("Natrium, beside nats-server").isEqualTo(theirs);
            assertThat(theirs).startsWith(expected(MESSAGES)).endsWith("ws: fin=1 rsv=0 op=2 PONG\\r\\n\n");
        }
    }

    @Test
    void aFrameAnnouncingATerabyteDeliversItsMessagesWhileItIsStillBeingSent() throws Exception {
        int messages = 2_000;
        byte[] pubs = pubs(messages, "");
        Sender unfinished = wire -> {
            wire.send(header(BINARY, true, 1L << 40));
            wire.send(masked(pubs, 0));
        };

        String theirs = play(pair.reference(), referencePort, false, unfinished, messages, false);
        String ours = play(pair.natrium(), natriumPort, false, unfinished, messages, false);

        assertThat(ours).as("Natrium, beside nats-server").isEqualTo(theirs);
        assertThat(theirs).isEqualTo(expected(messages));
    }

    /** What a websocket client sends after its upgrade and CONNECT. */
    @FunctionalInterface
    private interface Sender {
        void send(WebsocketWire wire) throws Exception;
    }

    /**
     * Sends on a fresh websocket connection while a jnats TCP client subscribes: what the subscriber received (once
     * it has {@code messages}, or after {@link #ANSWER}), then, when the input ended in a PING, the websocket frames
     * answered up to the PONG (the connection is left in the middle of a frame otherwise).
     */
    private static String play(ServerProcess server, int websocketPort, boolean compress, Sender sender,
            int messages, boolean endsInPing) throws Exception {
        try (Connection subscriber = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + server.port())
                .connectionTimeout(Duration.ofSeconds(10)).build());
                WebsocketWire wire = WebsocketWire.open(websocketPort)) {
            Received received = new Received();
            subscriber.createDispatcher(message -> received.add(message.getData())).subscribe(SUBJECT);
            subscriber.flush(Duration.ofSeconds(10));
            wire.send(compress ? WebsocketWire.upgrade("Sec-WebSocket-Extensions: permessage-deflate")
                    : WebsocketWire.upgrade());
            assertThat(wire.response(ANSWER)).startsWith("HTTP/1.1 101 ");
            wire.nextFrame(ANSWER);
            wire.send(frame(BINARY, true, ascii("CONNECT {\"verbose\":false}\r\n")));
            sender.send(wire);
            String transcript = received.await(messages, ANSWER);
            StringBuilder answers = new StringBuilder();
            if (endsInPing) {
                String frame;
                do {
                    frame = wire.nextFrame(ANSWER);
                    // Left out: the server's first PING, which both send a second or two after CONNECT, before or
                    // after the answers depending on how long the frames took.
                    if (!frame.endsWith(" PING\\r\\n")) {
                        answers.append("ws: ").append(frame).append('\n');
                    }
                } while (!frame.endsWith("PONG\\r\\n") && !frame.equals("[closed]"));
            }
            return transcript + answers;
        }
    }

    /** {@code count} PUBs of {@value #PAYLOAD} bytes each, their payloads all different, then {@code tail}. */
    private static byte[] pubs(int count, String tail) {
        ByteArrayOutputStream pubs = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            pubs.writeBytes(ascii("PUB " + SUBJECT + " " + PAYLOAD + "\r\n"));
            pubs.writeBytes(payload(i));
            pubs.writeBytes(ascii("\r\n"));
        }
        pubs.writeBytes(ascii(tail));
        return pubs.toByteArray();
    }

    private static byte[] payload(int index) {
        byte[] payload = new byte[PAYLOAD];
        String prefix = "message " + index + " ";
        for (int i = 0; i < PAYLOAD; i++) {
            payload[i] = i < prefix.length() ? (byte) prefix.charAt(i) : (byte) ('a' + (i * 31 + index) % 26);
        }
        return payload;
    }

    private static String expected(int count) {
        Received all = new Received();
        for (int i = 0; i < count; i++) {
            all.add(payload(i));
        }
        return all.describe();
    }

    private static List<String> arguments(String name, int port) throws Exception {
        Path config = Files.writeString(dir.resolve(name + ".conf"), "websocket { port: " + port
                + ", no_tls: true, compression: true }\n");
        return List.of("-c", config.toString());
    }

    /** The payloads a subscriber received: how many, how many bytes, and a checksum of them in order. */
    private static final class Received {

        private final CRC32 checksum = new CRC32();
        private long count;
        private long bytes;

        synchronized void add(byte[] payload) {
            count++;
            bytes += payload.length;
            checksum.update(payload);
            notifyAll();
        }

        /** The description once {@code expected} messages arrived, or when {@code wait} is over. */
        synchronized String await(long expected, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            long left;
            while (count < expected && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return describe();
        }

        synchronized String describe() {
            return "subscriber: " + count + " messages, " + bytes + " bytes, crc "
                    + Long.toHexString(checksum.getValue()) + "\n";
        }
    }
}
