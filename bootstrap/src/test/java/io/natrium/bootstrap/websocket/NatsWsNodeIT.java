package io.natrium.bootstrap.websocket;

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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The JavaScript client browsers use, {@code nats.ws}, run by Node 20 against Natrium's ws port, talking with a jnats
 * client on the TCP port: a message each way and a request answered by the TCP side. The client's packages come from
 * the npm registry as pinned by {@code src/test/node/nats-ws/package-lock.json}, installed under {@code target}.
 */
class NatsWsNodeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Path WORK = NatsWsPackages.WORK;

    @Test
    void natsWsFromNodeTalksWithATcpClientThroughNatrium() throws Exception {
        Path script = NatsWsPackages.install().resolve("client.mjs");
        try (ConfiguredServer server = ConfiguredServer.start("websocket { port: -1, no_tls: true }\n");
                Connection tcp = Nats.connect(new Options.Builder().server(server.url()).build())) {
            tcp.createDispatcher(request -> tcp.publish(request.getReplyTo(),
                    ("re: " + text(request)).getBytes(StandardCharsets.UTF_8))).subscribe("java.service");
            Subscription fromNode = tcp.subscribe("from.node");
            tcp.flush(TIMEOUT);

            Process node = new ProcessBuilder("node", script.getFileName().toString(),
                    "ws://127.0.0.1:" + server.websocketPort()).directory(WORK.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = node.inputReader(StandardCharsets.UTF_8)) {
                assertThat(line(out)).startsWith("{\"ready\":true");
                tcp.publish("to.node", "hello node".getBytes(StandardCharsets.UTF_8));
                assertThat(line(out)).isEqualTo("{\"received\":\"hello node\"}");
                assertThat(text(fromNode.nextMessage(TIMEOUT))).isEqualTo("hello from node");
                assertThat(line(out)).isEqualTo("{\"answer\":\"re: question\"}");
                assertThat(line(out)).isEqualTo("{\"closed\":true}");
                assertThat(node.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("node exited").isTrue();
                assertThat(node.exitValue()).isZero();
            } finally {
                node.destroyForcibly();
            }
        }
    }

    private static String line(BufferedReader out) throws Exception {
        return NodePackages.nextLine(out, TIMEOUT);
    }

    private static String text(Message message) {
        assertThat(message).as("a message within " + TIMEOUT).isNotNull();
        return new String(message.getData(), StandardCharsets.UTF_8);
    }
}
