package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wss client's certificate, nats-server 2.9.10 beside Natrium with the same {@code websocket { tls }} block:
 * {@code verify_and_map} makes the certificate's subject the client's user on both, /connz shows that user and,
 * as nats-server (which fills its TLS fields only for handshakes it makes itself, not the HTTP server's), no
 * {@code tls_version}, {@code tls_cipher_suite} or {@code tls_peer_certs}. The block's {@code pinned_certs}:
 * nats-server 2.9.10 parses and shows them but lets in a certificate they do not pin; Natrium closes that client.
 */
class WssClientCertificateDifferentialIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String USER = "CN=client,O=Natrium";

    @TempDir
    Path directory;

    @Test
    void theCertificateNamesTheUserAndConnzShowsNoTlsAsNatsServer() throws Exception {
        TlsFiles files = TlsFiles.create(directory);
        String pinned = files.client().spkiSha256();
        JsonNode theirs;
        try (ServerProcess reference = reference(files, pinned)) {
            theirs = talkAndList(referenceWsPort, files, referenceMonitor);
        }
        try (ConfiguredServer natrium = ConfiguredServer.start(config(files, pinned, -1, ServerProcess.freePort()))) {
            JsonNode ours = talkAndList(natrium.websocketPort(), files,
                    natrium.server().monitorAddress().getPort());
            assertThat(ours.get("authorized_user").asText()).isEqualTo(theirs.get("authorized_user").asText())
                    .isEqualTo(USER);
            assertThat(ours.get("type").asText()).isEqualTo(theirs.get("type").asText()).isEqualTo("websocket");
            for (String field : new String[] {"tls_version", "tls_cipher_suite", "tls_peer_certs", "tls_first"}) {
                assertThat(theirs.has(field)).as("nats-server's " + field).isFalse();
                assertThat(ours.has(field)).as(field).isFalse();
            }
        }
    }

    @Test
    void aCertificateThePinsDoNotNameIsClosedWhereNatsServerLetsItIn() throws Exception {
        TlsFiles files = TlsFiles.create(directory);
        String other = "ab".repeat(32);
        try (ServerProcess reference = reference(files, other);
                Connection admitted = Nats.connect(options(referenceWsPort, files).build())) {
            assertThat(admitted.getStatus()).as("nats-server 2.9.10 does not check a wss client's pins")
                    .isEqualTo(Connection.Status.CONNECTED);
        }
        try (ConfiguredServer natrium = ConfiguredServer.start(config(files, other, -1, ServerProcess.freePort()))) {
            assertThatThrownBy(() -> Nats.connect(options(natrium.websocketPort(), files).maxReconnects(0).build()))
                    .isInstanceOf(IOException.class);
            JsonNode closed = connz(natrium.server().monitorAddress().getPort(), "/connz?state=closed");
            assertThat(closed.get("connections").get(0).get("reason").asText()).isEqualTo("TLS Handshake Failure");
            assertThat(closed.get("connections").get(0).get("type").asText()).isEqualTo("websocket");
        }
    }

    private int referenceWsPort;
    private int referenceMonitor;

    /** nats-server with the block; its wss and monitoring ports are kept in the fields. */
    private ServerProcess reference(TlsFiles files, String pinned) throws Exception {
        referenceWsPort = ServerProcess.freePort();
        referenceMonitor = ServerProcess.freePort();
        Path file = Files.writeString(directory.resolve("reference.conf"),
                config(files, pinned, referenceWsPort, referenceMonitor));
        return ServerProcess.start(ExternalTools.natsServer(), List.of("-c", file.toString()), Duration.ofSeconds(10));
    }

    private static String config(TlsFiles files, String pinned, int wsPort, int httpPort) {
        return "http: \"127.0.0.1:" + httpPort + "\"\nauthorization { users [ {user: \"" + USER + "\"} ] }\n"
                + "websocket {\n  port: " + wsPort + "\n  tls {\n    cert_file: \"" + files.serverCert()
                + "\"\n    key_file: \"" + files.serverKey() + "\"\n    ca_file: \"" + files.caFile()
                + "\"\n    verify_and_map: true\n    pinned_certs: [\"" + pinned + "\"]\n  }\n}\n";
    }

    /** A message over wss to itself, then the connection as /connz shows it with its authentication. */
    private static JsonNode talkAndList(int wsPort, TlsFiles files, int httpPort) throws Exception {
        try (Connection web = Nats.connect(options(wsPort, files).build())) {
            Subscription subscription = web.subscribe("wss.user");
            web.publish("wss.user", "mapped".getBytes(StandardCharsets.UTF_8));
            Message message = subscription.nextMessage(TIMEOUT);
            assertThat(message).isNotNull();
            JsonNode connections = connz(httpPort, "/connz?auth=1").get("connections");
            assertThat(connections).hasSize(1);
            return connections.get(0);
        }
    }

    private static Options.Builder options(int wsPort, TlsFiles files) throws Exception {
        return Options.builder().server("wss://127.0.0.1:" + wsPort).sslContext(files.clientContextWithCertificate())
                .connectionTimeout(TIMEOUT);
    }

    private static JsonNode connz(int httpPort, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
