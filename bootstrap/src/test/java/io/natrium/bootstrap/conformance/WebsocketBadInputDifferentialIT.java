package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.WebsocketWire.ascii;
import static io.natrium.bootstrap.conformance.WebsocketWire.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ServerProcess;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames no client should send, after a good upgrade, played on nats-server's websocket listener and Natrium's: the
 * frames each server answers with (close status and reason, but for the close frame nats-server may or may not get out
 * after a read error), whether it closes the connection, the error lines it
 * logs ({@code read error: mask bit missing}, ...), and that it goes on taking new clients (every case starts with a
 * fresh upgrade that must get its INFO).
 */
class WebsocketBadInputDifferentialIT {

    private static final Duration ANSWER = Duration.ofSeconds(10);
    /** How long a connection must stay open, with nothing more sent, to count as kept. */
    private static final Duration KEPT = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    @Test
    void badFramesAreAnsweredAsNatsServerAnswersThem() throws Exception {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put("unmasked frame", frame(0x82, false, ascii("PING\r\n")));
        inputs.put("ping over 125 bytes", frame(0x89, true, new byte[126]));
        inputs.put("reserved data opcode 3", frame(0x83, true, ascii("PING\r\n")));
        inputs.put("reserved control opcode 11", frame(0x8b, true, new byte[0]));
        inputs.put("fragmented ping", frame(0x09, true, ascii("hi")));
        inputs.put("RSV1 without compression", frame(0xc2, true, ascii("PING\r\n")));
        inputs.put("RSV2", frame(0xa2, true, ascii("PING\r\n")));
        inputs.put("continuation without a first frame", frame(0x80, true, ascii("PING\r\n")));
        inputs.put("new message inside a fragmented one", concat(frame(0x02, true, ascii("PI")),
                frame(0x82, true, ascii("NG\r\n"))));
        inputs.put("close with status 999", frame(0x88, true, concat(new byte[] {0x03, (byte) 0xe7}, ascii("bye"))));
        inputs.put("close with status 1005", frame(0x88, true, new byte[] {0x03, (byte) 0xed}));
        inputs.put("close with a one-byte payload", frame(0x88, true, new byte[] {0x03}));
        inputs.put("close with invalid UTF-8", frame(0x88, true, new byte[] {0x03, (byte) 0xe8, (byte) 0xff}));
        inputs.put("close without payload", frame(0x88, true, new byte[0]));
        inputs.put("garbage instead of a frame", ascii("hello world\r\n"));
        inputs.put("text frame with invalid UTF-8", frame(0x81, true, new byte[] {'P', 'I', 'N', 'G', (byte) 0xff}));
        inputs.put("ping, then a NATS PING in two fragments", concat(frame(0x89, true, ascii("hello")),
                frame(0x02, true, ascii("PI")), frame(0x80, true, ascii("NG\r\n"))));

        int referencePort = ServerProcess.freePort();
        int natriumPort = ServerProcess.freePort();
        try (ServerPair pair = ServerPair.start(arguments("reference", referencePort),
                arguments("natrium", natriumPort))) {
            String theirs = withoutRacingCloseFrames(transcript(referencePort, inputs));
            String ours = withoutRacingCloseFrames(transcript(natriumPort, inputs));

            assertThat(ours).as("Natrium's answers, beside nats-server's").isEqualTo(theirs);
            assertThat(theirs).as("nats-server's answers").contains("close 1007 invalid utf8 body in close frame")
                    .contains("op=10 hello");
            // nats-server words the inflate error of a frame marked compressed without compression as Go's flate
            // package does (with the offset where it gave up); Natrium names the cause instead.
            List<String> theirErrors = WebsocketWire.loggedErrors(pair.reference(), 1);
            assertThat(WebsocketWire.loggedErrors(pair.natrium(), theirErrors.size()).stream()
                    .filter(line -> !line.endsWith("compressed frame without negotiated compression")).toList())
                    .as("Natrium's error lines, beside nats-server's")
                    .isEqualTo(theirErrors.stream().filter(line -> !line.startsWith("read error: flate: ")).toList());
            assertThat(pair.natrium().process().isAlive()).as("Natrium still running").isTrue();
        }
    }

    private List<String> arguments(String name, int port) throws Exception {
        Path config = Files.writeString(dir.resolve(name + ".conf"), "websocket { port: " + port
                + ", no_tls: true }\n");
        return List.of("-c", config.toString());
    }

    private static String transcript(int port, Map<String, byte[]> inputs) throws Exception {
        StringBuilder transcript = new StringBuilder();
        for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
            transcript.append("== ").append(input.getKey()).append('\n');
            try (WebsocketWire wire = WebsocketWire.open(port)) {
                wire.send(WebsocketWire.upgrade());
                assertThat(wire.response(ANSWER)).as("upgrade on port %d", port).startsWith("HTTP/1.1 101 ");
                assertThat(wire.nextFrame(ANSWER)).as("first frame on port %d", port).endsWith(" INFO");
                wire.send(input.getValue());
                transcript.append(wire.framesUntilClosed(KEPT)).append('\n');
            }
        }
        return transcript.toString();
    }

    /**
     * After a read error nats-server queues a close frame (1002 with its wording for a frame breaking the protocol,
     * 1006 for other read errors) and closes the connection at once: whether the frame gets out first is a race, so
     * such a frame right before the end is left out of the comparison. Its words are compared in the logs.
     */
    private static String withoutRacingCloseFrames(String transcript) {
        return transcript.replaceAll("fin=1 rsv=0 op=8 close 100[26] [^\\n]*\\n\\[closed\\]", "[closed]");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
