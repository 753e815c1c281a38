package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.WebsocketWire.BINARY;
import static io.natrium.bootstrap.conformance.WebsocketWire.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.mqtt.RawMqtt;
import io.natrium.testkit.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT over WebSocket on the websocket port's {@code /mqtt}, on nats-server 2.9.10 (with JetStream and an MQTT
 * listener, which its MQTT needs) and on Natrium: the 101 answer naming the {@code mqtt} subprotocol, MQTT packets in
 * binary frames both ways (CONNECT, SUBSCRIBE, a QoS 1 PUBLISH to its own QoS 0 subscription, PINGREQ, DISCONNECT and
 * the close frame that follows), and a PUBLISH before CONNECT closed as over TCP.
 */
class MqttWebsocketDifferentialIT {

    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);
    /** Bytes of the answers awaited before the quiet window starts, so that a slow answer is not cut in two. */
    private static final int CONNACK = 4;
    private static final int SUBACK = 5;
    private static final int PUBACK = 4;
    private static final int QOS0_HELLO = 2 + 2 + "a/b".length() + "hello".length();
    private static final int PINGRESP = 2;

    @TempDir
    Path dir;

    @Test
    void mqttPacketsTravelInBinaryFramesAsWithNatsServer() throws Exception {
        int[] wsPorts = {ServerProcess.freePort(), ServerProcess.freePort()};
        try (ServerPair pair = ServerPair.start(arguments("reference", wsPorts[0]),
                arguments("natrium", wsPorts[1]))) {
            String theirs = exchange(wsPorts[0]);
            assertThat(theirs).as("nats-server's transcript")
                    .contains("HTTP/1.1 101 Switching Protocols").contains("Sec-Websocket-Protocol: mqtt")
                    .contains("op=2 20020000");
            assertThat(exchange(wsPorts[1])).as("Natrium's transcript, beside nats-server's").isEqualTo(theirs);
            assertThat(beforeConnect(wsPorts[1])).as("a PUBLISH before CONNECT")
                    .isEqualTo(beforeConnect(wsPorts[0]));
        }
    }

    private static String exchange(int port) throws Exception {
        try (WebsocketWire wire = WebsocketWire.open(port)) {
            StringBuilder transcript = new StringBuilder();
            wire.send(WebsocketWire.upgradeTo("/mqtt", "Sec-WebSocket-Protocol: mqtt"));
            transcript.append(wire.response(ANSWER)).append('\n');
            transcript.append(exchange(wire, RawMqtt.connect("w1", 30), CONNACK));
            // A QoS 0 subscription: nats-server delivers QoS 1 through JetStream, after its PUBACK; Natrium at once.
            transcript.append(exchange(wire, RawMqtt.subscribe(3, "a/b", 0), SUBACK));
            transcript.append(exchange(wire, RawMqtt.publish(0x02, "a/b", 9, "hello"), PUBACK + QOS0_HELLO));
            transcript.append(exchange(wire, RawMqtt.PINGREQ, PINGRESP));
            wire.send(frame(0x80 | BINARY, true, RawMqtt.DISCONNECT));
            transcript.append(hex(wire.framesUntilClosed(ANSWER)));
            return transcript.toString();
        }
    }

    private static String beforeConnect(int port) throws Exception {
        try (WebsocketWire wire = WebsocketWire.open(port)) {
            wire.send(WebsocketWire.upgradeTo("/mqtt", "Sec-WebSocket-Protocol: mqtt"));
            assertThat(wire.response(ANSWER)).startsWith("HTTP/1.1 101 ");
            wire.send(frame(0x80 | BINARY, true, RawMqtt.publish(0, "a/b", 0, "x")));
            // As after any read error, whether the close frame gets out before the end is a race in nats-server.
            return wire.framesUntilClosed(ANSWER).replaceAll("fin=1 rsv=0 op=8 close [^\\n]*\\n", "");
        }
    }

    /**
     * One packet in a masked binary frame; what comes back, payloads in hex and binary frames joined (where a server's
     * flushes cut its answer into frames is its own business): the {@code expected} bytes of MQTT, however long they
     * take on a busy machine, and then whatever else the server sends until it is quiet.
     */
    private static String exchange(WebsocketWire wire, byte[] packet, int expected) throws Exception {
        wire.send(frame(0x80 | BINARY, true, packet));
        StringBuilder frames = new StringBuilder();
        int received = 0;
        while (received < expected) {
            String frame = wire.nextFrame(ANSWER);
            frames.append(frame).append('\n');
            if (frame.startsWith("[")) {
                break;
            }
            received += binaryBytes(frame);
        }
        frames.append(wire.framesUntilClosed(QUIET));
        return hex(frames.toString()).replace("\nfin=1 rsv=0 op=2 ", "");
    }

    /** The payload bytes of a binary frame as the wire describes it: ISO-8859-1 text with CRLF written {@code \\r\\n}. */
    private static int binaryBytes(String frame) {
        String binary = "fin=1 rsv=0 op=2 ";
        if (!frame.startsWith(binary)) {
            return 0;
        }
        String text = frame.substring(binary.length());
        return text.length() - 2 * (text.length() - text.replace("\\r\\n", "").length()) / 4;
    }

    /** The binary frames' payloads (read by the wire as ISO-8859-1 text) in hex; other frames as they are. */
    private static String hex(String frames) {
        StringBuilder out = new StringBuilder();
        for (String line : frames.split("\n")) {
            String binary = "fin=1 rsv=0 op=2 ";
            if (line.startsWith(binary)) {
                out.append(binary);
                for (char c : line.substring(binary.length()).replace("\\r\\n", "\r\n").toCharArray()) {
                    out.append(String.format("%02x", (int) c));
                }
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private List<String> arguments(String name, int wsPort) throws Exception {
        Path store = Files.createDirectories(dir.resolve(name + "-js"));
        // nats-server's MQTT needs JetStream, a server name and an MQTT listener; Natrium warns that jetstream is
        // out of its scope.
        Path config = Files.writeString(dir.resolve(name + ".conf"), "server_name: mqtt_ws_" + name + "\n"
                + "jetstream { store_dir: \"" + store + "\" }\n"
                + "mqtt { host: 127.0.0.1, port: " + ServerProcess.freePort() + " }\n"
                + "websocket { host: 127.0.0.1, port: " + wsPort + ", no_tls: true }\n");
        return List.of("-c", config.toString());
    }
}
