package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The keep-alive, which needs a clock rather than a transcript. (Wills, persistent sessions and retained messages,
 * once refused here, are {@link PahoMqttStateIT}'s and {@link MqttStateDifferentialIT}'s.)
 */
class MqttRefusalsIT {

    private static final String PLAIN = "mqtt { port: -1 }\n";
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

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
