package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.WebsocketWire.ascii;
import static io.natrium.bootstrap.conformance.WebsocketWire.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.PermessageDeflate;
import io.natrium.testkit.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deflate bomb on a websocket connection with {@code compression: true}: one small compressed frame that inflates
 * to many times the maximum payload. Played on nats-server's listener and Natrium's, the bomber must be answered and
 * closed alike, a client connected beside it must go on being served, and a new client must still be taken in.
 */
class WebsocketDeflateBombDifferentialIT {

    private static final Duration ANSWER = Duration.ofSeconds(10);
    /**
     * How long a bomber's connection must stay open, with nothing more sent, to count as kept: nats-server inflates
     * the whole 60 MiB before its parser sees a byte, which takes seconds on a loaded machine (2.9 s seen).
     */
    private static final Duration KEPT = Duration.ofSeconds(20);
    /** Inflated size of the bomb: sixty times the default max_payload of 1 MB. */
    private static final int INFLATED = 60 * 1024 * 1024;
    /** Deflate compresses zeros about a thousand to one; the bomb must fit the 16-bit frame length of the helper. */
    private static final int MAX_COMPRESSED = 0xffff;

    @TempDir
    Path dir;

    @Test
    void deflateBombsAreClosedAsNatsServerClosesThem() throws Exception {
        Map<String, byte[]> bombs = new LinkedHashMap<>();
        bombs.put("no NATS operation", bomb(new byte[0], (byte) 'A'));
        // A PUB announcing the whole bomb as its payload: the parser refuses it on its header.
        bombs.put("PUB over max_payload", bomb(ascii("PUB bomb " + INFLATED + "\r\n"), (byte) 0));
        for (byte[] bomb : bombs.values()) {
            assertThat(bomb.length).as("compressed bomb size").isLessThan(MAX_COMPRESSED);
        }

        int referencePort = ServerProcess.freePort();
        int natriumPort = ServerProcess.freePort();
        try (ServerPair pair = ServerPair.start(arguments("reference", referencePort),
                arguments("natrium", natriumPort))) {
            StringBuilder theirs = new StringBuilder();
            StringBuilder ours = new StringBuilder();
            for (Map.Entry<String, byte[]> bomb : bombs.entrySet()) {
                theirs.append("== ").append(bomb.getKey()).append('\n')
                        .append(transcript(referencePort, bomb.getValue()));
                ours.append("== ").append(bomb.getKey()).append('\n').append(transcript(natriumPort, bomb.getValue()));
            }

            assertThat(ours.toString()).as("Natrium's answers, beside nats-server's").isEqualTo(theirs.toString());
            assertThat(theirs.toString()).as("nats-server's answers").contains("'Unknown Protocol Operation'")
                    .contains("'Maximum Payload Violation'").contains("bystander: op=2 PONG\\r\\n");
            assertThat(pair.natrium().process().isAlive()).as("Natrium still running").isTrue();
        }
    }

    /**
     * What each connection saw: the bomber's frames until closed, then a bystander (upgraded before the bomb) asking
     * PING, then a client upgraded after it.
     */
    private static String transcript(int port, byte[] bomb) throws Exception {
        StringBuilder transcript = new StringBuilder();
        try (WebsocketWire bystander = upgraded(port); WebsocketWire bomber = upgraded(port)) {
            bomber.send(frame(0xc2, true, bomb));
            transcript.append("bomber: ").append(bomber.framesUntilClosed(KEPT)).append('\n');
            bystander.send(frame(0x81, true, ascii("PING\r\n")));
            transcript.append("bystander: ").append(bystander.nextFrame(ANSWER).replaceFirst("^fin=1 rsv=0 ", ""))
                    .append('\n');
        }
        try (WebsocketWire late = upgraded(port)) {
            transcript.append("later client taken in\n");
        }
        return transcript.toString();
    }

    private static WebsocketWire upgraded(int port) throws Exception {
        WebsocketWire wire = WebsocketWire.open(port);
        wire.send(WebsocketWire.upgrade("Sec-WebSocket-Extensions: permessage-deflate"));
        assertThat(wire.response(ANSWER)).as("upgrade on port %d", port).startsWith("HTTP/1.1 101 ")
                .contains("permessage-deflate");
        // The INFO is over the 64 bytes below which neither server compresses.
        assertThat(wire.nextFrame(ANSWER)).as("first frame on port %d", port).isEqualTo("fin=1 rsv=4 op=2 compressed");
        return wire;
    }

    /**
     * {@code head}, then {@code filler} up to {@value #INFLATED} bytes, deflated as a permessage-deflate client
     * does.
     */
    private static byte[] bomb(byte[] head, byte filler) {
        byte[] plain = new byte[INFLATED];
        Arrays.fill(plain, filler);
        System.arraycopy(head, 0, plain, 0, head.length);
        return PermessageDeflate.deflated(plain);
    }

    private List<String> arguments(String name, int port) throws Exception {
        Path config = Files.writeString(dir.resolve(name + ".conf"), "websocket { port: " + port
                + ", no_tls: true, compression: true }\n");
        return List.of("-c", config.toString());
    }
}
