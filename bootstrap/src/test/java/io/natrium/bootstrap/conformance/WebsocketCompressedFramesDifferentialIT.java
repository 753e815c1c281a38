package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.WebsocketWire.ascii;
import static io.natrium.bootstrap.conformance.WebsocketWire.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The framing of compressed output, frame by frame beside nats-server 2.9.10: a message of 10,000 random bytes
 * (so that it stays over 8 KiB compressed) to a websocket client that negotiated permessage-deflate. A browser gets
 * it cut into 4 KiB frames, the first binary and marked compressed, continuations after it; Safari, which cannot
 * take compressed fragments, and other clients get one frame. The compressed bytes themselves differ (Go's deflate
 * and zlib's), so the last frame's length is left out.
 */
class WebsocketCompressedFramesDifferentialIT {

    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";
    private static final String SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.1 Safari/605.1.15";

    @TempDir
    Path dir;

    @Test
    void compressedOutputIsFramedAsNatsServerFramesIt() throws Exception {
        int referencePort = ServerProcess.freePort();
        int natriumPort = ServerProcess.freePort();
        try (ServerPair pair = ServerPair.start(arguments("reference", referencePort),
                arguments("natrium", natriumPort))) {
            for (String agent : new String[] {CHROME, SAFARI, "nats.java"}) {
                List<String> theirs = frames(referencePort, pair.reference().port(), agent);
                List<String> ours = frames(natriumPort, pair.natrium().port(), agent);
                assertThat(ours).as(agent).isEqualTo(theirs);
            }
            assertThat(frames(natriumPort, pair.natrium().port(), CHROME)).containsExactly(
                    "fin=0 rsv=4 op=2 length=4096", "fin=0 rsv=0 op=0 length=4096", "fin=1 rsv=0 op=0 rest");
            assertThat(frames(natriumPort, pair.natrium().port(), SAFARI)).containsExactly("fin=1 rsv=4 op=2 rest");
        }
    }

    /** The frames a websocket subscriber with that user agent gets for one big message a TCP client publishes. */
    private static List<String> frames(int wsPort, int natsPort, String agent) throws Exception {
        try (WebsocketWire web = WebsocketWire.open(wsPort);
                RawClient publisher = RawClient.connectAndReadInfo("127.0.0.1", natsPort)) {
            web.send(WebsocketWire.upgrade("Sec-WebSocket-Extensions: permessage-deflate", "User-Agent: " + agent));
            assertThat(web.response(ANSWER)).startsWith("HTTP/1.1 101 ").contains("permessage-deflate");
            assertThat(web.nextFrameHeader(ANSWER)).as("INFO").startsWith("fin=1 rsv=4 op=2 ");
            web.send(frame(0x82, true, ascii("CONNECT {\"verbose\":false}\r\nSUB big 1\r\nPING\r\n")));
            assertThat(web.nextFrame(ANSWER)).isEqualTo("fin=1 rsv=0 op=2 PONG\\r\\n");

            byte[] payload = new byte[10_000];
            new Random(7).nextBytes(payload);
            ByteArrayOutputStream pub = new ByteArrayOutputStream();
            pub.writeBytes(ascii("CONNECT {\"verbose\":false}\r\nPUB big " + payload.length + "\r\n"));
            pub.writeBytes(payload);
            pub.writeBytes(ascii("\r\nPING\r\n"));
            publisher.send(pub.toByteArray()).expect("PONG\r\n");

            List<String> frames = new ArrayList<>();
            String header;
            do {
                header = web.nextFrameHeader(ANSWER);
                frames.add(header.startsWith("fin=1") ? header.replaceFirst("length=\\d+$", "rest") : header);
            } while (header.startsWith("fin=0"));
            return frames;
        }
    }

    private List<String> arguments(String name, int port) throws Exception {
        Path config = Files.writeString(dir.resolve(name + ".conf"), "websocket { port: " + port
                + ", no_tls: true, compression: true }\n");
        return List.of("-c", config.toString());
    }
}
