package io.natrium.bootstrap.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.ExternalTools;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The JavaScript client browsers use, {@code nats.ws}, run by Node 20 against Natrium's ws port, talking with a jnats
 * client on the TCP port: a message each way and a request answered by the TCP side. The client's packages come from
 * the npm registry as pinned by {@code src/test/node/nats-ws/package-lock.json}, installed under {@code target}.
 */
class NatsWsNodeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Path FIXTURE = Path.of("src", "test", "node", "nats-ws");
    private static final Path WORK = Path.of("target", "nats-ws");

    @Test
    void natsWsFromNodeTalksWithATcpClientThroughNatrium() throws Exception {
        Path script = installedClient();
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

    /** The client script beside its packages in {@code target/nats-ws}, installed by {@code npm ci} when missing. */
    private static Path installedClient() throws IOException, InterruptedException {
        ExternalTools.requireOrAssume(onPath("node") && onPath("npm"), "node and npm are needed to run nats.ws");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "client.mjs")) {
            Files.copy(FIXTURE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules").resolve("nats.ws"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(WORK.toFile())
                    .redirectErrorStream(true).redirectOutput(WORK.resolve("npm-ci.log").toFile()).start();
            boolean done = npm.waitFor(5, TimeUnit.MINUTES);
            if (!done) {
                npm.destroyForcibly();
            }
            assertThat(done && npm.exitValue() == 0).as("npm ci in %s (log npm-ci.log): %s", WORK,
                    Files.exists(WORK.resolve("npm-ci.log")) ? Files.readString(WORK.resolve("npm-ci.log")) : "")
                    .isTrue();
        }
        return WORK.resolve("client.mjs");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String line(BufferedReader out) throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(line).as("a line from the nats.ws client").isNotNull();
        return line;
    }

    private static String text(Message message) {
        assertThat(message).as("a message within " + TIMEOUT).isNotNull();
        return new String(message.getData(), StandardCharsets.UTF_8);
    }
}
