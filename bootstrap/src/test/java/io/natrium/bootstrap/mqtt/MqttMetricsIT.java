package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.prometheus.Exposition;
import io.natrium.testkit.prometheus.PrometheusTextParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code /metrics}' MQTT gauges after real MQTT traffic: clients connected, persistent sessions kept, retained
 * messages, QoS 1 messages sent and not acknowledged, and messages the store keeps for persistent sessions.
 */
class MqttMetricsIT {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WITHIN).build();
    private static final int PERSISTENT = 0x00;

    @Test
    void metricsCountMqttClientsSessionsRetainedAndUnacknowledgedMessages() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start("http_port: -1\nmqtt { port: -1 }\n")) {
            awaitFigures(server, Map.of("clients", 0.0, "persistent_sessions", 0.0, "retained_messages", 0.0,
                    "inflight_messages", 0.0, "stored_messages", 0.0));
            try (RawMqtt publisher = RawMqtt.connect(server.mqttPort())) {
                RawMqtt device = RawMqtt.connect(server.mqttPort());
                assertThat(device.send(RawMqtt.connect("MQTT", 4, PERSISTENT, 60, "dev"))).isEqualTo("20020000");
                assertThat(device.send(RawMqtt.subscribe(1, "t/#", 1))).isEqualTo("9003000101");
                assertThat(publisher.send(RawMqtt.connect("pub", 60))).isEqualTo("20020000");
                // Retained, at QoS 1 to the device, which does not acknowledge it yet.
                assertThat(publisher.send(RawMqtt.publish(0x03, "t/r", 1, "kept"))).isEqualTo("40020001");
                assertThat(device.answer(WITHIN)).as("delivered live, retain flag 0").startsWith("32");
                awaitFigures(server, Map.of("clients", 2.0, "persistent_sessions", 1.0, "retained_messages", 1.0,
                        "inflight_messages", 1.0, "stored_messages", 1.0));

                device.sendWithoutAnswer(RawMqtt.puback(1));
                awaitFigures(server, Map.of("inflight_messages", 0.0, "stored_messages", 0.0));

                // The device goes away: its session stays, and keeps what is published for it meanwhile.
                device.close();
                awaitFigures(server, Map.of("clients", 1.0, "persistent_sessions", 1.0));
                assertThat(publisher.send(RawMqtt.publish(0x02, "t/x", 2, "owed"))).isEqualTo("40020002");
                awaitFigures(server, Map.of("clients", 1.0, "persistent_sessions", 1.0, "retained_messages", 1.0,
                        "inflight_messages", 0.0, "stored_messages", 1.0));
            }
        }
    }

    /** Scrapes /metrics until each {@code natrium_mqtt_<name>} gauge has its value, or fails after a while. */
    private static void awaitFigures(ConfiguredServer server, Map<String, Double> expected) throws Exception {
        String id = server.server().serverId();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            Exposition metrics = scrape(server);
            boolean all = true;
            for (Map.Entry<String, Double> figure : expected.entrySet()) {
                all &= metrics.value("natrium_mqtt_" + figure.getKey(), "server_id", id) == figure.getValue();
            }
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                for (Map.Entry<String, Double> figure : expected.entrySet()) {
                    assertThat(metrics.value("natrium_mqtt_" + figure.getKey(), "server_id", id))
                            .as(figure.getKey()).isEqualTo(figure.getValue());
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static Exposition scrape(ConfiguredServer server) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.server().monitorAddress().getPort() + "/metrics");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(WITHIN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusTextParser.parse(response.body());
    }
}
