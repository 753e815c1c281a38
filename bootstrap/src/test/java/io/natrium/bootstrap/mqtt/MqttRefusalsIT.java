package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The keep-alive, which needs a clock rather than a transcript, and the packet size Natrium bounds where nats-server
 * does not. (Wills, persistent sessions and retained messages,
 * once refused here, are {@link PahoMqttStateIT}'s and {@link MqttStateDifferentialIT}'s.)
 */
class MqttRefusalsIT {

    private static final String PLAIN = "mqtt { port: -1 }\n";
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    @Test
    void aPacketOverMaxPayloadAndItsHeadroomClosesTheConnection() throws Exception {
        // Natrium holds a packet whole before handling it, so it bounds it by max_payload and 64 KiB of headroom
        // for the topic; nats-server 2.9.10 takes up to MQTT's 256 MB.
        try (ConfiguredServer server = ConfiguredServer.start("max_payload: 1024\n" + PLAIN);
                RawMqtt client = RawMqtt.connect(server.mqttPort())) {
            assertThat(client.send(RawMqtt.connect("big", 30))).isEqualTo("20020000");
            assertThat(client.send(RawMqtt.publish(0x02, "a/b", 1, "x".repeat(1000)))).isEqualTo("40020001");
            // Only the announced length is needed: the connection closes before the body comes.
            byte[] oversized = {0x32, (byte) 0xFF, (byte) 0xFF, 0x7F};
            assertThat(client.send(oversized, CLOSE_WITHIN)).isEqualTo("<closed>");
        }
    }

    @Test
    void aSilentClientIsClosedAfterOneAndAHalfKeepAlives() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(PLAIN);
                RawMqtt client = RawMqtt.connect(server.mqttPort())) {
            long start = System.nanoTime();
            assertThat(client.send(RawMqtt.connect("k1", 1))).isEqualTo("20020000");
            assertThat(client.answer(CLOSE_WITHIN)).isEqualTo("<closed>");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1400),
                    Duration.ofMillis(4000));
        }
    }

    @Test
    void aClientThatPingsWithinItsKeepAliveStays() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(PLAIN);
                RawMqtt client = RawMqtt.connect(server.mqttPort())) {
            assertThat(client.send(RawMqtt.connect("k2", 1))).isEqualTo("20020000");
            long start = System.nanoTime();
            // Each PINGRESP comes at once, so pinging back to back spans three keep-alive periods and more.
            while (System.nanoTime() - start < Duration.ofMillis(3000).toNanos()) {
                assertThat(client.send(RawMqtt.PINGREQ)).isEqualTo("d000");
                Thread.onSpinWait();
            }
            assertThat(client.closed()).isFalse();
        }
    }
}
