package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nats-server 2.9.10 and Natrium with the same {@code websocket { tls }} block and certificate: jnats gets through
 * the wss handshake of both, a client trusting another CA through neither, and /varz shows the same websocket section.
 */
class WssDifferentialIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path directory;

    @Test
    void bothServeWssWithTheSameCertificateAndShowTheSameVarz() throws Exception {
        TlsFiles files = TlsFiles.create(directory);
        JsonNode[] sections = new JsonNode[2];
        List<Path> executables = List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher());
        for (int i = 0; i < 2; i++) {
            int wsPort = ServerProcess.freePort();
            int httpPort = ServerProcess.freePort();
            Path config = Files.writeString(directory.resolve("wss" + i + ".conf"), "http_port: " + httpPort
                    + "\nwebsocket {\n  port: " + wsPort + "\n  handshake_timeout: \"3s\"\n  compression: true\n"
                    + "  tls {\n    cert_file: \"" + files.serverCert() + "\"\n    key_file: \"" + files.serverKey()
                    + "\"\n    ca_file: \"" + files.caFile() + "\"\n    verify_and_map: true\n  }\n}\n");
            Duration ready = i == 0 ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
            try (ServerProcess server = ServerProcess.start(executables.get(i), List.of("-c", config.toString()),
                    ready)) {
                String url = "wss://127.0.0.1:" + wsPort;
                try (Connection web = Nats.connect(options(url, files.clientContextWithCertificate()).build())) {
                    Subscription subscription = web.subscribe("wss.check");
                    web.publish("wss.check", "both".getBytes(StandardCharsets.UTF_8));
                    Message message = subscription.nextMessage(TIMEOUT);
                    assertThat(message).as(executables.get(i) + " delivers over wss").isNotNull();
                    assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("both");
                }
                SSLContext otherCa = TlsFiles.clientContext(CertificateAuthority.root("Other").certificate(), null);
                assertThatThrownBy(() -> Nats.connect(options(url, otherCa).maxReconnects(0).build()))
                        .as(executables.get(i) + " refuses a client that does not trust it")
                        .isInstanceOf(IOException.class);

                ObjectNode websocket = (ObjectNode) varz(httpPort).path("websocket");
                assertThat(websocket.path("port").asInt()).isEqualTo(wsPort);
                websocket.remove("port");
                sections[i] = websocket;
            }
        }
        assertThat(sections[1]).as("Natrium's /varz websocket, nats-server's first").isEqualTo(sections[0]);
        assertThat(sections[0].path("tls_map").asBoolean()).isTrue();
    }

    private static Options.Builder options(String url, SSLContext context) {
        return Options.builder().server(url).sslContext(context).connectionTimeout(TIMEOUT);
    }

    private static JsonNode varz(int httpPort) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/varz")).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
