package io.natrium.bootstrap.mqtt;

import static io.natrium.bootstrap.mqtt.PahoMqttIT.connected;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.disconnect;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.next;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.bootstrap.mqtt.PahoMqttIT.Received;
import io.natrium.testkit.RawClient;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QoS 2 both ways, as nats-server 2.10+ has it (2.9.10 has none: {@code reject_qos2_publish} and
 * {@code downgrade_qos2_subscribe} bring its behaviour back): Eclipse Paho end to end, and raw packets for the
 * exchange itself (PUBREC, PUBREL, PUBCOMP), exactly once towards NATS, the redeliveries and what a persistent
 * session keeps across a restart.
 */
class PahoMqttQos2IT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(400);
    private static final Pattern UNTIL_PONG = Pattern.compile("(?s).*?PONG\r\n");

    @TempDir
    Path storeDir;

    private String config(String mqttKeys) {
        return "store_dir: \"" + storeDir + "\"\nmqtt { port: -1" + mqttKeys + " }\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pahoQos2MessagesReachMqttAndNatsSubscribersOnce() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config("")); Connection nats = PahoMqttIT.nats(server)) {
            Subscription natsSide = nats.subscribe("meter.>");
            nats.flush(TIMEOUT);
            MqttClient exact = connected(server, "exact");
            MqttClient atLeast = connected(server, "at-least");
            MqttClient publisher = connected(server, "publisher");
            BlockingQueue<Received> qos2 = subscribe(exact, "meter/+", 2, 2);
            BlockingQueue<Received> qos1 = subscribe(atLeast, "meter/#", 1, 1);

            publisher.publish("meter/1", bytes("42 kWh"), 2, false);
            publisher.publish("meter/1", bytes("43 kWh"), 1, false);

            // Paho hands a QoS 2 message over when the PUBREL comes, so the QoS 1 one may overtake it.
            assertThat(List.of(next(qos2), next(qos2))).containsExactlyInAnyOrder(
                    new Received("meter/1", "42 kWh", 2), new Received("meter/1", "43 kWh", 1));
            assertThat(next(qos1)).isEqualTo(new Received("meter/1", "42 kWh", 1));
            assertThat(next(qos1)).isEqualTo(new Received("meter/1", "43 kWh", 1));
            Message first = natsSide.nextMessage(TIMEOUT);
            assertThat(new String(first.getData(), StandardCharsets.UTF_8)).isEqualTo("42 kWh");
            assertThat(first.getHeaders().getFirst("Nmqtt-Pub")).isEqualTo("2");
            assertThat(natsSide.nextMessage(TIMEOUT).getHeaders().getFirst("Nmqtt-Pub")).isEqualTo("1");
            nats.flush(TIMEOUT);
            assertThat(natsSide.nextMessage(QUIET)).as("each message once").isNull();
            assertThat(qos2).isEmpty();
            disconnect(exact, atLeast, publisher);
        }
    }

    @Test
    void aQos2PublishIsHeldUntilItsPubrelAndRoutedOnceWhateverTheDuplicates() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(""));
                RawClient nats = RawClient.connectAndReadInfo("127.0.0.1", server.port());
                RawMqtt client = RawMqtt.connect(server.mqttPort())) {
            nats.send("CONNECT {\"verbose\":false,\"headers\":true}\r\nSUB a.b 1\r\nPING\r\n");
            assertThat(untilPong(nats)).isEqualTo("PONG\r\n");
            assertThat(client.send(RawMqtt.connect("c1", 30))).isEqualTo("20020000");

            assertThat(client.send(RawMqtt.publish(0x04, "a/b", 7, "x"))).isEqualTo("50020007");
            assertThat(client.send(RawMqtt.publish(0x0C, "a/b", 7, "x"))).as("a duplicate").isEqualTo("50020007");
            nats.send("PING\r\n");
            assertThat(untilPong(nats)).as("nothing routed before the PUBREL").isEqualTo("PONG\r\n");

            assertThat(client.send(RawMqtt.pubrel(7))).isEqualTo("70020007");
            assertThat(client.send(RawMqtt.pubrel(7))).as("a repeated PUBREL is completed too").isEqualTo("70020007");
            nats.send("PING\r\n");
            assertThat(untilPong(nats)).isEqualTo("HMSG a.b 1 25 26\r\nNATS/1.0\r\nNmqtt-Pub:2\r\n\r\nx\r\nPONG\r\n");
        }
    }

    @Test
    void theServerSendsQos2AgainUntilPubrecThenItsPubrelUntilPubcomp() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(", ack_wait: \"1s\""));
                RawMqtt device = RawMqtt.connect(server.mqttPort());
                RawMqtt publisher = RawMqtt.connect(server.mqttPort())) {
            assertThat(device.send(RawMqtt.connect("device", 60))).isEqualTo("20020000");
            assertThat(device.send(RawMqtt.subscribe(1, "r", 2))).isEqualTo("9003000102");
            assertThat(publisher.send(RawMqtt.connect("publisher", 60))).isEqualTo("20020000");
            assertThat(publisher.send(RawMqtt.publish(0x04, "r", 3, "m"))).isEqualTo("50020003");
            assertThat(publisher.send(RawMqtt.pubrel(3))).isEqualTo("70020003");

            assertThat(device.answer(TIMEOUT)).isEqualTo(publishOnR(false, 1, "m"));
            assertThat(device.answer(TIMEOUT)).as("no PUBREC within ack_wait").isEqualTo(publishOnR(true, 1, "m"));
            assertThat(device.send(RawMqtt.pubrec(1))).isEqualTo("62020001");
            assertThat(device.answer(TIMEOUT)).as("no PUBCOMP within ack_wait").isEqualTo("62020001");
            assertThat(device.send(RawMqtt.pubcomp(1), Duration.ofMillis(1500))).as("completed: nothing more")
                    .isEmpty();
        }
    }

    @Test
    void aPersistentSessionGetsItsPubrelAndItsQos2MessagesAgainAfterARestart() throws Exception {
        String config = config(", ack_wait: \"1m\"");
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            try (RawMqtt device = RawMqtt.connect(server.mqttPort());
                    RawMqtt publisher = RawMqtt.connect(server.mqttPort())) {
                assertThat(device.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "q2-dev"))).isEqualTo("20020000");
                assertThat(device.send(RawMqtt.subscribe(1, "r", 2))).isEqualTo("9003000102");
                assertThat(publisher.send(RawMqtt.connect("publisher", 60))).isEqualTo("20020000");
                publisher.send(RawMqtt.publish(0x04, "r", 1, "one"));
                assertThat(publisher.send(RawMqtt.pubrel(1))).isEqualTo("70020001");
                assertThat(device.answer(TIMEOUT)).isEqualTo(publishOnR(false, 1, "one"));
                assertThat(device.send(RawMqtt.pubrec(1))).isEqualTo("62020001");
                assertThat(device.send(RawMqtt.DISCONNECT, TIMEOUT)).isEqualTo("<closed>");
            }
            // Away, with the PUBREL not completed: a QoS 2 message is kept for it, at QoS 2.
            MqttClient publisher = connected(server, "publisher");
            publisher.publish("r", bytes("two"), 2, false);
            disconnect(publisher);
        }
        try (ConfiguredServer server = ConfiguredServer.start(config);
                RawMqtt device = RawMqtt.connect(server.mqttPort())) {
            assertThat(device.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "q2-dev")))
                    .isEqualTo("20020100" + "62020001" + publishOnR(false, 2, "two"));
            assertThat(device.send(RawMqtt.pubcomp(1), QUIET)).isEmpty();
            assertThat(device.send(RawMqtt.pubrec(2))).isEqualTo("62020002");
            assertThat(device.send(RawMqtt.pubcomp(2), QUIET)).isEmpty();
            assertThat(device.send(RawMqtt.DISCONNECT, TIMEOUT)).isEqualTo("<closed>");
        }
        try (ConfiguredServer server = ConfiguredServer.start(config);
                RawMqtt device = RawMqtt.connect(server.mqttPort())) {
            assertThat(device.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "q2-dev")))
                    .as("all completed: nothing owed").isEqualTo("20020100");
        }
    }

    @Test
    void aQos2PublishNotReleasedBeforeARestartIsReleasedAfterIt() throws Exception {
        String config = config("");
        try (ConfiguredServer server = ConfiguredServer.start(config);
                RawMqtt client = RawMqtt.connect(server.mqttPort())) {
            assertThat(client.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "q2-pub"))).isEqualTo("20020000");
            assertThat(client.send(RawMqtt.publish(0x04, "late", 9, "held"))).isEqualTo("50020009");
        }
        try (ConfiguredServer server = ConfiguredServer.start(config);
                Connection nats = PahoMqttIT.nats(server);
                RawMqtt client = RawMqtt.connect(server.mqttPort())) {
            Subscription late = nats.subscribe("late");
            nats.flush(TIMEOUT);
            assertThat(client.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "q2-pub"))).isEqualTo("20020100");
            assertThat(client.send(RawMqtt.pubrel(9))).isEqualTo("70020009");
            assertThat(new String(late.nextMessage(TIMEOUT).getData(), StandardCharsets.UTF_8)).isEqualTo("held");
        }
    }

    @Test
    void withRejectAndDowngradeQos2IsRefusedAsNatsServer2910RefusesIt() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(
                config(", reject_qos2_publish: true, downgrade_qos2_subscribe: true"))) {
            try (RawMqtt client = RawMqtt.connect(server.mqttPort())) {
                assertThat(client.send(RawMqtt.connect("c1", 30))).isEqualTo("20020000");
                assertThat(client.send(RawMqtt.subscribe(1, "a", 2))).as("granted QoS 1").isEqualTo("9003000101");
                assertThat(client.send(RawMqtt.publish(0x04, "a", 1, "x"), TIMEOUT)).isEqualTo("<closed>");
            }
            try (RawMqtt client = RawMqtt.connect(server.mqttPort())) {
                // Will flag, will QoS 2, clean session: nats-server 2.10+'s return code 0x10, then the close.
                assertThat(client.send(RawMqtt.connect("MQTT", 4, 0x02 | 0x04 | 0x10, 30, "c2", "w", "x"),
                        TIMEOUT)).isEqualTo("20020010<closed>");
            }
        }
    }

    private static String untilPong(RawClient client) throws Exception {
        return client.expectPattern(UNTIL_PONG).group();
    }

    /** PUBLISH QoS 2 (with DUP when {@code duplicate}) of {@code payload} on topic "r". */
    private static String publishOnR(boolean duplicate, int packetId, String payload) {
        return (duplicate ? "3c" : "34") + String.format("%02x", 2 + 1 + 2 + payload.length()) + "0001"
                + HexFormat.of().formatHex(bytes("r")) + String.format("%04x", packetId)
                + HexFormat.of().formatHex(bytes(payload));
    }
}
