package io.natrium.bootstrap.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jnats over {@code wss://}: the {@code websocket { tls }} block with the testkit's certificates. */
class JnatsWssIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path directory;
    private static TlsFiles files;
    private static TlsFiles otherFiles;

    @BeforeAll
    static void certificates() throws IOException {
        files = TlsFiles.create(Files.createDirectories(directory.resolve("first")));
        otherFiles = TlsFiles.create(Files.createDirectories(directory.resolve("second")));
    }

    @Test
    void carriesMessagesAndRequestsBetweenWssAndTcpClients() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(files, "compression: true"));
                Connection web = connect(wss(server, files.clientContext()));
                Connection tcp = Nats.connect(Options.builder().server(server.url()).connectionTimeout(TIMEOUT)
                        .build())) {
            Subscription onWeb = web.subscribe("to.web");
            Subscription onTcp = tcp.subscribe("to.tcp");
            web.flush(TIMEOUT);
            tcp.flush(TIMEOUT);

            tcp.publish("to.web", "hello wss".getBytes(StandardCharsets.UTF_8));
            web.publish("to.tcp", "x".repeat(100_000).getBytes(StandardCharsets.UTF_8));
            assertThat(text(onWeb.nextMessage(TIMEOUT))).isEqualTo("hello wss");
            assertThat(text(onTcp.nextMessage(TIMEOUT))).hasSize(100_000);

            tcp.createDispatcher(message -> tcp.publish(message.getReplyTo(),
                    ("re: " + text(message)).getBytes(StandardCharsets.UTF_8))).subscribe("service");
            tcp.flush(TIMEOUT);
            Message reply = web.request("service", "ping".getBytes(StandardCharsets.UTF_8), TIMEOUT);
            assertThat(text(reply)).isEqualTo("re: ping");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheServerCannotConnect() throws Exception {
        SSLContext otherCa = TlsFiles.clientContext(CertificateAuthority.root("Other").certificate(), null);
        try (ConfiguredServer server = ConfiguredServer.start(config(files, ""))) {
            assertThatThrownBy(() -> connect(wss(server, otherCa).maxReconnects(0))).isInstanceOf(IOException.class);
            // The listener is still serving those who trust it.
            try (Connection web = connect(wss(server, files.clientContext()))) {
                assertThat(web.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            }
        }
    }

    /** As nats-server's {@code wsGetTLSConfig}: a reload's certificates serve the connections accepted after it. */
    @Test
    void aReloadServesNewConnectionsTheNewCertificate() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(files, ""));
                Connection before = connect(wss(server, files.clientContext()))) {
            assertThat(server.reload(config(otherFiles, ""))).isInstanceOf(ReloadResult.Reloaded.class);

            try (Connection after = connect(wss(server, otherFiles.clientContext()))) {
                Subscription subscription = after.subscribe("reloaded");
                after.flush(TIMEOUT);
                before.publish("reloaded", "kept".getBytes(StandardCharsets.UTF_8));
                assertThat(text(subscription.nextMessage(TIMEOUT))).isEqualTo("kept");
            }
            assertThatThrownBy(() -> connect(wss(server, files.clientContext()).maxReconnects(0)))
                    .as("the old certificate is no longer served").isInstanceOf(IOException.class);
        }
    }

    /**
     * nats-server's handshake_timeout is Go's ReadTimeout, which bounds the TLS handshake too, whatever the tls
     * block's own timeout (4s here, past the bound the test allows).
     */
    @Test
    void aClientThatNeverStartsTheTlsHandshakeIsClosedAfterTheHandshakeTimeout() throws Exception {
        String config = config(files, "handshake_timeout: \"300ms\"").replace("key_file", "timeout: 4, key_file");
        try (ConfiguredServer server = ConfiguredServer.start(config); Socket silent = new Socket()) {
            silent.connect(new InetSocketAddress("127.0.0.1", server.websocketPort()), (int) TIMEOUT.toMillis());
            silent.setSoTimeout((int) TIMEOUT.toMillis());
            long start = System.nanoTime();
            InputStream in = silent.getInputStream();
            assertThat(in.read()).as("closed by the server, not timed out by the test").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void varzShowsTheListenerAndThePortsFileNamesItWss() throws Exception {
        Path ports = Files.createDirectories(directory.resolve("ports"));
        String block = "ports_file_dir: \"" + ports + "\"\n" + config(files, "").replace("key_file",
                "ca_file: \"" + files.caFile() + "\", verify_and_map: true, key_file");
        try (ConfiguredServer server = ConfiguredServer.start(block)) {
            String monitor = "http://127.0.0.1:" + server.server().monitorAddress().getPort();
            String varz = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(monitor + "/varz"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            JsonNode websocket = new ObjectMapper().readTree(varz).path("websocket");
            assertThat(websocket.path("port").asInt()).isEqualTo(server.websocketPort());
            assertThat(websocket.path("tls_map").asBoolean()).isTrue();
            assertThat(websocket.has("no_tls")).isFalse();

            Path file;
            try (var listed = Files.list(ports)) {
                file = listed.filter(path -> path.toString().endsWith(".ports")).findFirst().orElseThrow();
            }
            assertThat(Files.readString(file)).contains(",\"websocket\":[\"wss://")
                    .contains("\"wss://127.0.0.1:" + server.websocketPort() + "\"").doesNotContain("\"ws://");
        }
    }

    private static String config(TlsFiles tls, String extra) {
        return "http_port: -1\nwebsocket {\n  port: -1\n  " + extra + "\n  tls {\n    cert_file: \"" + tls.serverCert()
                + "\"\n    key_file: \"" + tls.serverKey() + "\"\n  }\n}\n";
    }

    private static Options.Builder wss(ConfiguredServer server, SSLContext context) {
        return Options.builder().server("wss://127.0.0.1:" + server.websocketPort()).sslContext(context)
                .connectionTimeout(TIMEOUT);
    }

    private static Connection connect(Options.Builder options) throws Exception {
        return Nats.connect(options.build());
    }

    private static String text(Message message) {
        assertThat(message).as("a message within " + TIMEOUT).isNotNull();
        return new String(message.getData(), StandardCharsets.UTF_8);
    }
}
