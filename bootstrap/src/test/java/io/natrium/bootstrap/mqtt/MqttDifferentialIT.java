package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same MQTT exchanges, bad input included, with nats-server 2.9.10 (with JetStream, which its MQTT needs) and with
 * Natrium (without): the same bytes back and the same closes, and on the NATS side the same subjects and headers.
 * nats-server 2.9.10 has no QoS 2; Natrium runs here with the two keys of nats-server 2.10+ that bring that behaviour
 * back ({@code reject_qos2_publish}, {@code downgrade_qos2_subscribe}), which 2.9.10 would not parse.
 */
class MqttDifferentialIT {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);
    private static final Pattern UNTIL_PONG = Pattern.compile("(?s).*?PONG\r\n");
    private static Path natsServer;

    @BeforeAll
    static void findTheReference() {
        findNatsServer();
    }

    static void findNatsServer() {
        natsServer = ExternalTools.natsServer();
    }

    /** A conversation with one server: its MQTT port, its NATS port. */
    @FunctionalInterface
    interface Script {
        String play(int mqttPort, int natsPort) throws Exception;
    }

    @Test
    void aPublishBeforeConnectClosesTheConnection() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            try (RawMqtt client = RawMqtt.connect(mqtt)) {
                return client.send(RawMqtt.publish(0, "a/b", 0, "x"), CLOSE_WITHIN);
            }
        }, "<closed>");
    }

    @Test
    void aFirstPacketOtherThanConnectIsClosedOnItsFirstByte() throws Exception {
        // The type alone decides, before a length or body arrives: the PUBLISH's first byte, then an HTTP request
        // (a WebSocket client at the MQTT port) shorter than the packet its first bytes would announce.
        byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (byte[] start : new byte[][] {{0x30}, http}) {
            assertSameTranscripts((mqtt, nats) -> {
                try (RawMqtt client = RawMqtt.connect(mqtt)) {
                    return client.send(start, CLOSE_WITHIN);
                }
            }, "<closed>");
        }
    }

    @Test
    void aPublishToAWildcardOrEmptyTopicClosesTheConnection() throws Exception {
        for (String topic : new String[] {"a/+", "a/#", ""}) {
            assertSameTranscripts((mqtt, nats) -> {
                try (RawMqtt client = RawMqtt.connect(mqtt)) {
                    return client.send(RawMqtt.connect("c1", 30)) + "|"
                            + client.send(RawMqtt.publish(0x02, topic, 1, "x"), CLOSE_WITHIN);
                }
            }, "20020000|<closed>");
        }
    }

    @Test
    void aMalformedRemainingLengthClosesTheConnection() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            try (RawMqtt client = RawMqtt.connect(mqtt)) {
                return client.send(RawMqtt.connect("c1", 30)) + "|"
                        + client.send(new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01},
                                CLOSE_WITHIN);
            }
        }, "20020000|<closed>");
    }

    @Test
    void publishesAtQos3AndQos2CloseTheConnection() throws Exception {
        for (int flags : new int[] {0x06, 0x04}) {
            assertSameTranscripts((mqtt, nats) -> {
                try (RawMqtt client = RawMqtt.connect(mqtt)) {
                    return client.send(RawMqtt.connect("c1", 30)) + "|"
                            + client.send(RawMqtt.publish(flags, "a/b", 1, "x"), CLOSE_WITHIN);
                }
            }, "20020000|<closed>");
        }
    }

    @Test
    void aSubscriptionAtQos3ClosesTheConnection() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            try (RawMqtt client = RawMqtt.connect(mqtt)) {
                return client.send(RawMqtt.connect("c1", 30)) + "|"
                        + client.send(RawMqtt.subscribe(1, "a/b", 3), CLOSE_WITHIN);
            }
        }, "20020000|<closed>");
    }

    @Test
    void anInvalidTopicFilterIsRefusedInSubackAndTheConnectionStays() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            try (RawMqtt client = RawMqtt.connect(mqtt)) {
                return client.send(RawMqtt.connect("c1", 30)) + "|"
                        + client.send(RawMqtt.subscribe(7, "a.b", 0, "ok/x", 2, "c d", 1)) + "|"
                        + client.send(RawMqtt.PINGREQ) + "|"
                        + client.send(RawMqtt.unsubscribe(8, "ok/x")) + "|"
                        + client.send(RawMqtt.DISCONNECT, CLOSE_WITHIN);
            }
        }, "20020000|90050007800180|d000|b0020008|<closed>");
    }

    @Test
    void otherProtocolLevelsAndNamesAreRefused() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            try (RawMqtt v31 = RawMqtt.connect(mqtt); RawMqtt level3 = RawMqtt.connect(mqtt);
                    RawMqtt v5 = RawMqtt.connect(mqtt); RawMqtt otherName = RawMqtt.connect(mqtt)) {
                // MQTT 5's CONNECT has properties (none here) between the keep-alive and the client id.
                byte[] mqtt5 = RawMqtt.packet(0x10, new byte[] {0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 30, 0, 0, 2,
                    'c', '3'});
                return v31.send(RawMqtt.connect("MQIsdp", 3, 0x02, 30, "c1"), CLOSE_WITHIN) + "|"
                        + level3.send(RawMqtt.connect("MQTT", 3, 0x02, 30, "c2"), CLOSE_WITHIN) + "|"
                        + v5.send(mqtt5, CLOSE_WITHIN) + "|"
                        + otherName.send(RawMqtt.connect("MQTX", 4, 0x02, 30, "c4"), CLOSE_WITHIN);
            }
        }, "<closed>|20020001<closed>|20020001<closed>|<closed>");
    }

    @Test
    void anEmptyClientIdNeedsACleanSession() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            try (RawMqtt client = RawMqtt.connect(mqtt)) {
                return client.send(RawMqtt.connect("MQTT", 4, 0x00, 30, ""), CLOSE_WITHIN);
            }
        }, "20020002<closed>");
    }

    @Test
    void packetsNatsServerDoesNotTakeCloseTheConnection() throws Exception {
        byte[][] refused = {
            {0x20, 2, 0, 0},          // CONNACK, which only a server sends
            RawMqtt.subscribe(1, "", 0), // an empty topic filter
        };
        for (byte[] packet : refused) {
            assertSameTranscripts((mqtt, nats) -> {
                try (RawMqtt client = RawMqtt.connect(mqtt)) {
                    return client.send(RawMqtt.connect("c1", 30)) + "|" + client.send(packet, CLOSE_WITHIN);
                }
            }, "20020000|<closed>");
        }
    }

    @Test
    void nothingButItsOwnPlumbingIsRefusedInSuback() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            try (RawMqtt client = RawMqtt.connect(mqtt)) {
                return client.send(RawMqtt.connect("c1", 30)) + "|"
                        + client.send(RawMqtt.subscribe(1, "$MQTT/sub/x", 0, "$SYS/x", 0));
            }
        }, "20020000|900400018000");
    }

    @Test
    void aSecondConnectClosesTheConnection() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            try (RawMqtt client = RawMqtt.connect(mqtt)) {
                return client.send(RawMqtt.connect("c1", 30)) + "|"
                        + client.send(RawMqtt.connect("c1", 30), CLOSE_WITHIN);
            }
        }, "20020000|<closed>");
    }

    @Test
    void natsSubscribersSeeMqttPublishesOnTheSameSubjectsWithTheSameHeaders() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            try (RawClient natsClient = RawClient.connectAndReadInfo("127.0.0.1", nats);
                    RawMqtt client = RawMqtt.connect(mqtt)) {
                natsClient.send("CONNECT {\"verbose\":false,\"headers\":true}\r\n"
                        + "SUB a.b 1\r\nSUB /.x./.y./ 2\r\nPING\r\n");
                StringBuilder transcript = new StringBuilder(untilPong(natsClient)).append('|');
                transcript.append(client.send(RawMqtt.connect("c1", 30))).append('|');
                transcript.append(client.send(RawMqtt.publish(0x00, "a/b", 0, "zero"), Duration.ofMillis(500)))
                        .append('|');
                transcript.append(client.send(RawMqtt.publish(0x02, "/x//y/", 9, "one"))).append('|');
                natsClient.send("PING\r\n");
                transcript.append(untilPong(natsClient));
                return transcript.toString();
            }
        }, "PONG\r\n|20020000|" /* QoS 0 has no answer: the quiet wait returns nothing */ + "|40020009|"
                + "HMSG a.b 1 25 29\r\nNATS/1.0\r\nNmqtt-Pub:0\r\n\r\nzero\r\n"
                + "HMSG /.x./.y./ 2 25 28\r\nNATS/1.0\r\nNmqtt-Pub:1\r\n\r\none\r\nPONG\r\n");
    }

    private static String untilPong(RawClient client) throws IOException {
        return client.expectPattern(UNTIL_PONG).group();
    }

    /** Plays {@code script} with nats-server, expecting {@code expected}, then with Natrium, expecting the same. */
    static void assertSameTranscripts(Script script, String expected) throws Exception {
        String reference = play(natsServer, "", script, Duration.ofSeconds(10));
        assertThat(reference).as("nats-server's transcript").isEqualTo(expected);
        assertThat(play(ServerProcess.natriumLauncher(), ", reject_qos2_publish: true, downgrade_qos2_subscribe: true",
                script, Duration.ofSeconds(60))).as("Natrium's transcript, beside nats-server's").isEqualTo(reference);
    }

    private static String play(Path executable, String mqttKeys, Script script, Duration readyWithin)
            throws Exception {
        Path store = Files.createTempDirectory("natrium-mqtt-js-");
        int mqttPort = ServerProcess.freePort();
        Path config = Files.createTempFile("natrium-mqtt-", ".conf");
        // nats-server's MQTT needs JetStream and a server name; Natrium warns that jetstream is out of its scope.
        Files.writeString(config, "server_name: mqtt_differential\n"
                + "jetstream { store_dir: \"" + store + "\" }\n"
                + "mqtt { host: 127.0.0.1, port: " + mqttPort + mqttKeys + " }\n", StandardCharsets.UTF_8);
        try (ServerProcess server = ServerProcess.start(executable, List.of("-c", config.toString()), readyWithin)) {
            return script.play(mqttPort, server.port());
        }
    }
}
