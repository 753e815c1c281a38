package io.natrium.bootstrap.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.ServerProcess;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** jnats over {@code ws://}: messages both ways with TCP clients, request/reply, headers, reconnect, monitoring. */
class JnatsWebsocketIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The launcher may first train its class-data archive, slow on a busy machine. */
    private static final Duration LAUNCH = Duration.ofSeconds(60);

    private static String config(boolean compression) {
        return "websocket { port: -1, no_tls: true, compression: " + compression + " }\nhttp_port: -1\n";
    }

    private static Connection connect(String url) throws Exception {
        return Nats.connect(new Options.Builder().server(url).connectionTimeout(TIMEOUT).build());
    }

    private static String ws(ConfiguredServer server) {
        return "ws://127.0.0.1:" + server.websocketPort();
    }

    @ParameterizedTest(name = "compression {0}")
    @ValueSource(booleans = {false, true})
    void messagesCrossBetweenWebsocketAndTcpClientsBothWays(boolean compression) throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(compression));
                Connection web = connect(ws(server)); Connection tcp = connect(server.url())) {
            Subscription onWeb = web.subscribe("to.web");
            Subscription onTcp = tcp.subscribe("to.tcp");
            web.flush(TIMEOUT);
            tcp.flush(TIMEOUT);
            String big = "x".repeat(100_000);

            tcp.publish("to.web", "hello web".getBytes(StandardCharsets.UTF_8));
            tcp.publish("to.web", big.getBytes(StandardCharsets.UTF_8));
            web.publish("to.tcp", "hello tcp".getBytes(StandardCharsets.UTF_8));
            web.publish("to.tcp", big.getBytes(StandardCharsets.UTF_8));

            assertThat(text(onWeb.nextMessage(TIMEOUT))).isEqualTo("hello web");
            assertThat(text(onWeb.nextMessage(TIMEOUT))).isEqualTo(big);
            assertThat(text(onTcp.nextMessage(TIMEOUT))).isEqualTo("hello tcp");
            assertThat(text(onTcp.nextMessage(TIMEOUT))).isEqualTo(big);
        }
    }

    @ParameterizedTest(name = "compression {0}")
    @ValueSource(booleans = {false, true})
    void requestReplyAndHeadersOverWebsocket(boolean compression) throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(compression));
                Connection responder = connect(ws(server)); Connection requester = connect(ws(server))) {
            responder.createDispatcher(message -> {
                Headers headers = new Headers().add("X-Echo", message.getHeaders().getFirst("X-Ask"));
                responder.publish(NatsMessage.builder().subject(message.getReplyTo()).headers(headers)
                        .data("re: " + text(message)).build());
            }).subscribe("service");
            responder.flush(TIMEOUT);

            Message answer = requester.request(NatsMessage.builder().subject("service")
                    .headers(new Headers().add("X-Ask", "please")).data("question").build())
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(text(answer)).isEqualTo("re: question");
            assertThat(answer.getHeaders().getFirst("X-Echo")).isEqualTo("please");
        }
    }

    /**
     * The client keeps its subscriptions across a restart of the server on the same ws port. (jnats before 2.25.2
     * lost this now and then: its writer could take the end-of-reconnect marker before switching its own mode, and
     * then sent nothing more; the client's PING got no PONG because it never left the client.)
     */
    @Test
    void clientReconnectsToARestartedServerOverWebsocket() throws Exception {
        int wsPort = ServerProcess.freePort();
        String conf = "websocket { port: " + wsPort + ", no_tls: true }\n";
        ConfiguredServer first = ConfiguredServer.start(conf);
        CountDownLatch resubscribed = new CountDownLatch(1);
        Options options = new Options.Builder().server("ws://127.0.0.1:" + wsPort).connectionTimeout(TIMEOUT)
                .reconnectWait(Duration.ofMillis(100)).maxReconnects(-1)
                .connectionListener((connection, event) -> {
                    if (event == ConnectionListener.Events.RESUBSCRIBED) {
                        resubscribed.countDown();
                    }
                }).build();
        try (Connection web = Nats.connect(options)) {
            Subscription subscription = web.subscribe("after");
            web.flush(TIMEOUT);
            first.close();
            try (ConfiguredServer second = ConfiguredServer.start(conf); Connection tcp = connect(second.url())) {
                assertThat(resubscribed.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
                Subscription fresh = web.subscribe("fresh");
                web.flush(TIMEOUT);
                tcp.publish("fresh", "new".getBytes(StandardCharsets.UTF_8));
                assertThat(text(fresh.nextMessage(TIMEOUT))).isEqualTo("new");
                tcp.publish("after", "again".getBytes(StandardCharsets.UTF_8));
                assertThat(text(subscription.nextMessage(TIMEOUT))).isEqualTo("again");
            }
        } finally {
            first.close();
        }
    }

    /**
     * With {@code -DV} the server traces a ws client's operations as a TCP client's, and the client works; the ports
     * file names the websocket listener as nats-server's does.
     */
    @Test
    void tracedServerTalksOverWebsocketAndTracesIt() throws Exception {
        int wsPort = ServerProcess.freePort();
        Path dir = Files.createTempDirectory("natrium-ws-");
        Path conf = dir.resolve("ws.conf");
        Files.writeString(conf, "websocket { port: " + wsPort + ", no_tls: true }\n");
        try (ServerProcess server = ServerProcess.start(ServerProcess.natriumLauncher(),
                List.of("-c", conf.toString(), "-DV", "--ports_file_dir", dir.toString()), LAUNCH);
                Connection web = connect("ws://127.0.0.1:" + wsPort)) {
            Subscription traced = web.subscribe("traced");
            web.flush(TIMEOUT);
            web.publish("traced", "seen".getBytes(StandardCharsets.UTF_8));
            assertThat(text(traced.nextMessage(TIMEOUT))).isEqualTo("seen");
            web.flush(TIMEOUT);

            String expected = "->> MSG_PAYLOAD: [\"seen\"]";
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!Files.readString(server.log()).contains(expected) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(Files.readString(server.log())).contains("wid:").contains("<<- [SUB traced 1]")
                    .contains("<<- [PUB traced 4]").contains("->> [MSG traced 1 4]").contains(expected);
            Path ports;
            try (var files = Files.list(dir)) {
                ports = files.filter(file -> file.getFileName().toString().endsWith(".ports")).findFirst()
                        .orElseThrow();
            }
            assertThat(Files.readString(ports)).contains(",\"websocket\":[\"ws://")
                    .contains("\"ws://127.0.0.1:" + wsPort + "\"");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void connzShowsWebsocketClientsAndVarzTheListener() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(true));
                Connection web = connect(ws(server)); Connection tcp = connect(server.url())) {
            web.flush(TIMEOUT);
            tcp.flush(TIMEOUT);
            String monitor = "http://127.0.0.1:" + server.server().monitorAddress().getPort();
            HttpClient http = HttpClient.newHttpClient();
            String connz = http.send(HttpRequest.newBuilder(URI.create(monitor + "/connz")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String varz = http.send(HttpRequest.newBuilder(URI.create(monitor + "/varz")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(connz).contains("\"type\": \"websocket\"").contains("\"type\": \"nats\"");
            assertThat(varz).contains("\"port\": " + server.websocketPort()).contains("\"no_tls\": true")
                    .contains("\"compression\": true");
        }
    }

    private static String text(Message message) {
        assertThat(message).as("a message within " + TIMEOUT).isNotNull();
        return new String(message.getData(), StandardCharsets.UTF_8);
    }
}
