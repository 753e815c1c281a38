package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.bootstrap.NodePackages;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * MQTT.js (npm {@code mqtt}, pinned by {@code src/test/node/mqtt-js/package-lock.json}) run by Node 20 against
 * Natrium, over TCP and over WebSocket ({@code /mqtt}), beside a jnats client: CONNECT, SUBSCRIBE (granted QoS),
 * a NATS message in, PUBLISH at QoS 1 (PUBACK) and 0 out to NATS with nats-server's header, a QoS 1 PUBLISH back
 * to itself (the client's PUBACK), UNSUBSCRIBE, PINGREQ from its keep-alive, DISCONNECT.
 */
class MqttJsNodeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String CONFIG = "mqtt { port: -1 }\nwebsocket { port: -1, no_tls: true }\n";

    @Test
    void mqttJsOverTcp() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(CONFIG)) {
            exchange(server, "mqtt://127.0.0.1:" + server.mqttPort(), "mqttjs-tcp");
        }
    }

    @Test
    void mqttJsOverWebsocket() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(CONFIG)) {
            exchange(server, "ws://127.0.0.1:" + server.websocketPort() + "/mqtt", "mqttjs-ws");
        }
    }

    private static void exchange(ConfiguredServer server, String url, String clientId) throws Exception {
        Path work = NodePackages.install("mqtt-js", List.of("package.json", "package-lock.json", "client.mjs"),
                "mqtt");
        try (Connection nats = Nats.connect(new Options.Builder().server(server.url()).build())) {
            Subscription out = nats.subscribe("js.out");
            nats.flush(TIMEOUT);
            Process node = new ProcessBuilder("node", "client.mjs", url, clientId).directory(work.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader lines = node.inputReader(StandardCharsets.UTF_8)) {
                assertThat(line(lines)).isEqualTo(
                        "{\"ready\":true,\"granted\":[\"js/in:1\",\"js/loop:1\",\"js/zero:0\"]}");
                nats.publish("js.in", "from nats".getBytes(StandardCharsets.UTF_8));
                assertThat(line(lines)).isEqualTo(
                        "{\"received\":{\"topic\":\"js/in\",\"payload\":\"from nats\",\"qos\":0}}");

                assertThat(published(out)).isEqualTo("Nmqtt-Pub=1 one");
                assertThat(published(out)).isEqualTo("Nmqtt-Pub=0 zero");
                assertThat(line(lines)).isEqualTo(
                        "{\"received\":{\"topic\":\"js/loop\",\"payload\":\"looped\",\"qos\":1}}");
                assertThat(line(lines)).isEqualTo(
                        "{\"received\":{\"topic\":\"js/zero\",\"payload\":\"still subscribed\",\"qos\":0}}");
                assertThat(line(lines)).isEqualTo("{\"pinged\":true}");
                assertThat(line(lines)).isEqualTo("{\"closed\":true}");
                assertThat(node.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("node exited").isTrue();
                assertThat(node.exitValue()).isZero();
            } finally {
                node.destroyForcibly();
            }
        }
    }

    private static String published(Subscription subscription) throws InterruptedException {
        Message message = subscription.nextMessage(TIMEOUT);
        assertThat(message).as("an MQTT publish within " + TIMEOUT).isNotNull();
        return "Nmqtt-Pub=" + message.getHeaders().getFirst("Nmqtt-Pub") + " "
                + new String(message.getData(), StandardCharsets.UTF_8);
    }

    private static String line(BufferedReader out) throws Exception {
        return NodePackages.nextLine(out, TIMEOUT);
    }
}
