package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.TlsFiles;
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
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mqtt { tls }} on nats-server 2.9.10 (with JetStream, which its MQTT needs) and on Natrium, with the same
 * generated certificates: the handshake with and without a client certificate under {@code verify}, the user found
 * from the certificate under {@code verify_and_map} (and CONNACK 5 for a certificate naming nobody), the TLS error
 * logged with the {@code mid:} prefix, plain and TLS clients on one port under {@code allow_non_tls}, and the /varz
 * {@code mqtt} section, all alike.
 */
class MqttTlsDifferentialIT {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    @TempDir
    static Path directory;
    private static TlsFiles files;
    private static IssuedCertificate alice;
    private static IssuedCertificate nobody;
    private static final List<ServerProcess> STARTED = new ArrayList<>();
    private static Pair verifying;
    private static Pair mapping;
    private static Pair mixed;

    /** One configuration on both servers: nats-server first. */
    private record Pair(ServerProcess[] servers, int[] mqttPorts, int[] httpPorts) {
    }

    @BeforeAll
    static void startBoth() throws Exception {
        files = TlsFiles.create(directory);
        alice = files.authority().issueClient(CertificateSpec.subject("CN=alice,O=Acme").withEmails("alice@acme.test"));
        nobody = files.authority().client("CN=nobody,O=Elsewhere");
        String tls = "tls { cert_file: \"" + files.serverCert() + "\", key_file: \"" + files.serverKey()
                + "\", ca_file: \"" + files.caFile() + "\", timeout: 5";
        verifying = pair("verify", tls + ", verify: true }", "");
        mapping = pair("map", tls + ", verify_and_map: true }",
                "authorization { users: [ {user: \"alice@acme.test\"}, {user: \"app\", password: \"s3cret\"} ] }\n");
        mixed = pair("mixed", tls + " }", "allow_non_tls: true\n");
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (ServerProcess server : STARTED) {
            server.close();
        }
    }

    @Test
    void aClientWithATrustedCertificateTalksMqttOverTls() throws Exception {
        assertAlike(verifying, files.clientContextWithCertificate(), "20020000|d000|<closed>");
    }

    @Test
    void aClientWithoutACertificateIsRefusedInTheHandshakeAndItIsLoggedAsAnMqttClient() throws Exception {
        assertAlike(verifying, files.clientContext(), "<closed>|<closed>|<closed>");
        for (ServerProcess server : verifying.servers()) {
            assertThat(Files.readString(server.log(), StandardCharsets.ISO_8859_1)).as("%s", server)
                    .containsPattern("127\\.0\\.0\\.1:\\d+ - mid:\\d+ - TLS handshake error: ");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheServerGetsNoFurther() throws Exception {
        SSLContext otherCa = TlsFiles.clientContext(CertificateAuthority.root("Other").certificate(), alice);
        assertAlike(verifying, otherCa, "<closed>|<closed>|<closed>");
    }

    @Test
    void theUserIsFoundFromTheCertificate() throws Exception {
        assertAlike(mapping, TlsFiles.clientContext(files.authority().certificate(), alice),
                "20020000|d000|<closed>");
    }

    @Test
    void aCertificateNamingNoUserGetsConnack5() throws Exception {
        assertAlike(mapping, TlsFiles.clientContext(files.authority().certificate(), nobody),
                "20020005<closed>|<closed>|<closed>");
    }

    @Test
    void withAllowNonTlsTheFirstByteChoosesTlsOrPlainMqtt() throws Exception {
        assertAlike(mixed, files.clientContext(), "20020000|d000|<closed>");
        List<String> transcripts = new ArrayList<>();
        for (int port : mixed.mqttPorts()) {
            try (RawMqtt client = RawMqtt.connect(port)) {
                transcripts.add(client.send(RawMqtt.connect("p1", 30), CLOSE_WITHIN) + "|"
                        + client.send(RawMqtt.PINGREQ, CLOSE_WITHIN));
            }
        }
        assertThat(transcripts).containsExactly("20020000|d000", "20020000|d000");
    }

    @Test
    void varzShowsTheSameMqttSection() throws Exception {
        for (Pair pair : List.of(verifying, mapping, mixed)) {
            JsonNode[] sections = new JsonNode[2];
            for (int i = 0; i < 2; i++) {
                ObjectNode mqtt = (ObjectNode) varz(pair.httpPorts()[i]).path("mqtt");
                assertThat(mqtt.path("port").asInt()).isEqualTo(pair.mqttPorts()[i]);
                mqtt.remove("port");
                sections[i] = mqtt;
            }
            assertThat(sections[0].path("tls_timeout").asDouble()).as("nats-server's").isEqualTo(5.0);
            assertThat(sections[1]).as("Natrium's /varz mqtt, beside nats-server's").isEqualTo(sections[0]);
        }
        assertThat(varz(mapping.httpPorts()[1]).path("mqtt").path("tls_map").asBoolean()).isTrue();
    }

    /** CONNECT, PINGREQ and DISCONNECT over TLS with {@code tls}: the same transcript from both servers. */
    private static void assertAlike(Pair pair, SSLContext tls, String expected) throws Exception {
        List<String> transcripts = new ArrayList<>();
        for (int port : pair.mqttPorts()) {
            try (RawMqtt client = RawMqtt.connectTls(port, tls)) {
                transcripts.add(client.send(RawMqtt.connect("t1", 30), CLOSE_WITHIN) + "|"
                        + client.send(RawMqtt.PINGREQ, CLOSE_WITHIN) + "|"
                        + client.send(RawMqtt.DISCONNECT, CLOSE_WITHIN));
            }
        }
        assertThat(transcripts.get(0)).as("nats-server's transcript").isEqualTo(expected);
        assertThat(transcripts.get(1)).as("Natrium's transcript").isEqualTo(expected);
    }

    private static JsonNode varz(int httpPort) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/varz")).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    private static Pair pair(String name, String tls, String rest) throws Exception {
        ServerProcess[] servers = new ServerProcess[2];
        int[] mqttPorts = new int[2];
        int[] httpPorts = new int[2];
        List<Path> executables = List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher());
        for (int i = 0; i < 2; i++) {
            mqttPorts[i] = ServerProcess.freePort();
            httpPorts[i] = ServerProcess.freePort();
            Path store = Files.createTempDirectory(directory, "js-");
            // nats-server's MQTT needs JetStream and a server name; Natrium warns that jetstream is out of its scope.
            Path config = Files.writeString(directory.resolve(name + i + ".conf"), "server_name: mqtt_tls_" + i
                    + "\nhttp_port: " + httpPorts[i] + "\njetstream { store_dir: \"" + store + "\" }\n"
                    + "mqtt {\n  host: 127.0.0.1\n  port: " + mqttPorts[i] + "\n  " + tls + "\n}\n" + rest);
            servers[i] = ServerProcess.start(executables.get(i), List.of("-c", config.toString(), "-D"),
                    i == 0 ? Duration.ofSeconds(10) : Duration.ofSeconds(60));
            STARTED.add(servers[i]);
        }
        return new Pair(servers, mqttPorts, httpPorts);
    }
}
