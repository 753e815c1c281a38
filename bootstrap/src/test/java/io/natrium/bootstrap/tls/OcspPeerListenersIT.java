package io.natrium.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.OcspResponder;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ocsp_peer} on the WebSocket and MQTT listeners, end to end with a responder started by the test. As the
 * current nats-server's {@code configureOCSP} plugs them: the {@code websocket} block's own {@code ocsp_peer} checks
 * wss clients; MQTT clients are checked by the client port's {@code ocsp_peer} (nats-server hands the MQTT listener
 * the client port's TLS options), and by the {@code mqtt} block's own where the client port has none (which
 * nats-server would leave unenforced; Natrium enforces it).
 */
class OcspPeerListenersIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private OcspPeerFixture fixture;
    private CertificateAuthority authority;
    private OcspResponder responder;
    private IssuedCertificate good;
    private IssuedCertificate revoked;

    @BeforeEach
    void setUp() throws Exception {
        fixture = OcspPeerFixture.create(directory, "OCSP Listeners CA");
        authority = fixture.authority;
        responder = fixture.responder;
        good = fixture.client("CN=good");
        revoked = fixture.client("CN=revoked");
        responder.revoke(revoked);
    }

    @AfterEach
    void stopResponder() {
        fixture.close();
    }

    @Test
    void theWebsocketBlocksOcspPeerChecksWssClients() throws Exception {
        String config = "websocket {\n  port: -1\n  tls {\n" + tlsKeys(true) + "  }\n}\n";
        try (ConfiguredServer server = ConfiguredServer.start(config + cache())) {
            try (Connection client = wss(server, good, TIMEOUT)) {
                assertThat(client.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            }
            assertThatThrownBy(() -> wss(server, revoked, Duration.ofSeconds(5)).close())
                    .isInstanceOf(Exception.class);
            assertThat(responder.requests()).as("both certificates asked about").isEqualTo(2);
        }
    }

    @Test
    void theClientPortsOcspPeerChecksMqttClientsAsNatsServerPlugsIt() throws Exception {
        String config = "tls {\n" + tlsKeys(true) + "}\nmqtt {\n  port: -1\n  tls {\n" + tlsKeys(false) + "  }\n}\n";
        mqttClientsAreChecked(config);
    }

    @Test
    void theMqttBlocksOwnOcspPeerChecksItsClientsWhereTheClientPortHasNone() throws Exception {
        mqttClientsAreChecked("mqtt {\n  port: -1\n  tls {\n" + tlsKeys(true) + "  }\n}\n");
    }

    private void mqttClientsAreChecked(String config) throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config + cache())) {
            MqttClient client = mqtt(server, "good");
            client.connect(secured(good));
            assertThat(client.isConnected()).isTrue();
            client.disconnect();
            client.close();

            MqttClient refused = mqtt(server, "revoked");
            assertThatThrownBy(() -> refused.connect(secured(revoked))).isInstanceOf(MqttException.class);
            refused.close();
            assertThat(responder.requests()).as("both certificates asked about").isEqualTo(2);
        }
    }

    /** The response cache kept in the test's directory (by default it would be {@code _rc_} in the working one). */
    private String cache() {
        return "ocsp_cache { type: local, local_store: \"" + directory.resolve("rc") + "\" }\n";
    }

    /** A {@code tls} block's keys: the server's files, {@code verify}, and {@code ocsp_peer} when asked. */
    private String tlsKeys(boolean ocspPeer) {
        return "    cert_file: \"" + directory.resolve("server.pem") + "\"\n    key_file: \""
                + directory.resolve("server.key") + "\"\n    ca_file: \"" + directory.resolve("ca.pem") + "\"\n"
                // Generous bounds: the responder's first answer is slow on a busy machine.
                + "    verify: true\n    timeout: 20\n"
                + (ocspPeer ? "    ocsp_peer: { verify: true, ca_timeout: 15 }\n" : "");
    }

    private Connection wss(ConfiguredServer server, IssuedCertificate certificate, Duration timeout)
            throws Exception {
        return Nats.connect(Options.builder().server("wss://127.0.0.1:" + server.websocketPort())
                .sslContext(TlsFiles.clientContext(authority.certificate(), certificate))
                .connectionTimeout(timeout).maxReconnects(0).build());
    }

    private static MqttClient mqtt(ConfiguredServer server, String clientId) throws MqttException {
        return new MqttClient("ssl://127.0.0.1:" + server.mqttPort(), clientId, new MemoryPersistence());
    }

    private MqttConnectOptions secured(IssuedCertificate certificate) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) TIMEOUT.toSeconds());
        options.setSocketFactory(TlsFiles.clientContext(authority.certificate(), certificate).getSocketFactory());
        // The test server's certificate names localhost; the client connects to 127.0.0.1.
        options.setHttpsHostnameVerificationEnabled(false);
        return options;
    }
}
