package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.bootstrap.ConfiguredServer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * QoS 1 towards an MQTT subscriber: each PUBLISH waits for its PUBACK, is sent again marked as a duplicate once
 * {@code ack_wait} passed without it, and no more than {@code max_ack_pending} wait at a time.
 */
class MqttQos1IT {

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** PUBLISH QoS 1 (with DUP when {@code duplicate}) of {@code payload} on topic "r" with packet id 1. */
    private static String publishOnR(boolean duplicate, int packetId, String payload) {
        return (duplicate ? "3a" : "32") + String.format("%02x", 2 + 1 + 2 + payload.length()) + "0001" + hex("r")
                + String.format("%04x", packetId) + hex(payload);
    }

    @Test
    void anUnacknowledgedMessageComesAgainAsADuplicateAfterTheAckWait() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start("mqtt { port: -1, ack_wait: \"1s\" }\n");
                RawMqtt subscriber = RawMqtt.connect(server.mqttPort());
                RawMqtt publisher = RawMqtt.connect(server.mqttPort())) {
            assertThat(subscriber.send(RawMqtt.connect("s", 60))).isEqualTo("20020000");
            assertThat(subscriber.send(RawMqtt.subscribe(1, "r", 1))).isEqualTo("9003000101");
            assertThat(publisher.send(RawMqtt.connect("p", 60))).isEqualTo("20020000");

            long sent = System.nanoTime();
            assertThat(publisher.send(RawMqtt.publish(0x02, "r", 5, "m"))).isEqualTo("40020005");
            assertThat(subscriber.answer(Duration.ofSeconds(5))).isEqualTo(publishOnR(false, 1, "m"));
            assertThat(subscriber.answer(Duration.ofSeconds(5))).isEqualTo(publishOnR(true, 1, "m"));
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

            // Acknowledged: never again. The PINGRESP after a wait longer than the ack wait shows nothing came.
            subscriber.send(RawMqtt.packet(0x40, new byte[] {0, 1}), Duration.ofMillis(1500));
            assertThat(subscriber.send(RawMqtt.PINGREQ)).isEqualTo("d000");
        }
    }

    @Test
    void aReloadedAckWaitAppliesToClientsConnectingAfterIt() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start("mqtt { port: -1, ack_wait: \"1m\" }\n")) {
            assertThat(server.reload("mqtt { port: -1, ack_wait: \"1s\" }\n"))
                    .isInstanceOf(ReloadResult.Reloaded.class);
            try (RawMqtt subscriber = RawMqtt.connect(server.mqttPort());
                    RawMqtt publisher = RawMqtt.connect(server.mqttPort())) {
                subscriber.send(RawMqtt.connect("s", 60));
                assertThat(subscriber.send(RawMqtt.subscribe(1, "r", 1))).isEqualTo("9003000101");
                publisher.send(RawMqtt.connect("p", 60));
                publisher.send(RawMqtt.publish(0x02, "r", 1, "m"));
                assertThat(subscriber.answer(Duration.ofSeconds(5))).isEqualTo(publishOnR(false, 1, "m"));
                assertThat(subscriber.answer(Duration.ofSeconds(5))).isEqualTo(publishOnR(true, 1, "m"));
            }
        }
    }

    @Test
    void atMaxAckPendingFurtherQos1MessagesWaitForAPlace() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start("mqtt { port: -1, max_ack_pending: 1 }\n");
                RawMqtt subscriber = RawMqtt.connect(server.mqttPort());
                RawMqtt publisher = RawMqtt.connect(server.mqttPort())) {
            subscriber.send(RawMqtt.connect("s", 60));
            assertThat(subscriber.send(RawMqtt.subscribe(1, "r", 1))).isEqualTo("9003000101");
            publisher.send(RawMqtt.connect("p", 60));

            publisher.send(RawMqtt.publish(0x02, "r", 1, "a"));
            assertThat(subscriber.answer(Duration.ofSeconds(5))).isEqualTo(publishOnR(false, 1, "a"));
            publisher.send(RawMqtt.publish(0x02, "r", 2, "b"));
            // "b" finds the one place taken by "a" and waits, as in nats-server's stream, for "a"'s PUBACK: then it
            // goes with the freed id, and "c" waits for "b"'s.
            assertThat(subscriber.send(RawMqtt.PINGREQ)).isEqualTo("d000");
            assertThat(subscriber.send(RawMqtt.packet(0x40, new byte[] {0, 1}), Duration.ofSeconds(5)))
                    .isEqualTo(publishOnR(false, 2, "b"));
            publisher.send(RawMqtt.publish(0x02, "r", 3, "c"));
            assertThat(subscriber.send(RawMqtt.PINGREQ)).isEqualTo("d000");
            assertThat(subscriber.send(RawMqtt.packet(0x40, new byte[] {0, 2}), Duration.ofSeconds(5)))
                    .isEqualTo(publishOnR(false, 3, "c"));
        }
    }

    @Test
    void aReloadedMaxAckPendingAppliesToConnectedClients() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start("mqtt { port: -1, max_ack_pending: 1 }\n");
                RawMqtt subscriber = RawMqtt.connect(server.mqttPort());
                RawMqtt publisher = RawMqtt.connect(server.mqttPort())) {
            subscriber.send(RawMqtt.connect("s", 60));
            assertThat(subscriber.send(RawMqtt.subscribe(1, "r", 1))).isEqualTo("9003000101");
            publisher.send(RawMqtt.connect("p", 60));
            publisher.send(RawMqtt.publish(0x02, "r", 1, "a"));
            assertThat(subscriber.answer(Duration.ofSeconds(5))).isEqualTo(publishOnR(false, 1, "a"));
            assertThat(publisher.send(RawMqtt.publish(0x02, "r", 2, "b"))).isEqualTo("40020002");
            assertThat(publisher.send(RawMqtt.publish(0x02, "r", 3, "c"))).isEqualTo("40020003");
            assertThat(subscriber.send(RawMqtt.PINGREQ)).isEqualTo("d000");

            // Raised: the waiting messages go out without a PUBACK, to the connected subscriber.
            assertThat(server.reload("mqtt { port: -1, max_ack_pending: 3 }\n"))
                    .isInstanceOf(ReloadResult.Reloaded.class);
            assertThat(subscriber.read(16, Duration.ofSeconds(10)))
                    .isEqualTo(publishOnR(false, 2, "b") + publishOnR(false, 3, "c"));

            // Lowered: with three out, a new message waits until fewer than one is.
            assertThat(server.reload("mqtt { port: -1, max_ack_pending: 1 }\n"))
                    .isInstanceOf(ReloadResult.Reloaded.class);
            publisher.send(RawMqtt.publish(0x02, "r", 4, "d"));
            subscriber.sendWithoutAnswer(RawMqtt.puback(1));
            subscriber.sendWithoutAnswer(RawMqtt.puback(2));
            assertThat(subscriber.send(RawMqtt.PINGREQ)).isEqualTo("d000");
            assertThat(subscriber.send(RawMqtt.puback(3), Duration.ofSeconds(5))).isEqualTo(publishOnR(false, 4, "d"));
        }
    }
}
