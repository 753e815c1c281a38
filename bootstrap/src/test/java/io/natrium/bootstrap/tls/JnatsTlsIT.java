package io.natrium.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.settings.AuthorizationSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsHandshakeSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.application.settings.TlsVerifySettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official Java client over TLS: every way it connects, and what monitoring then says about the connection. */
class JnatsTlsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path directory;
    private static TlsFiles files;

    @BeforeAll
    static void certificates() {
        files = TlsFiles.create(directory);
    }

    @Test
    void tlsUrlWithTheCaTrustedCarriesMessagesAndShowsInConnz() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(settings(tls(false)));
                Connection client = connect(tlsOptions(server, files.clientContext()))) {
            assertThat(client.getServerInfo().isTLSRequired()).isTrue();
            roundTrip(client);

            JsonNode connection = connz(server, "").path("connections").get(0);
            assertThat(connection.path("tls_version").asText()).isEqualTo("1.3");
            // On BoringSSL the client's first TLS 1.3 AES-GCM choice: JSSE's is AES-256 (nats-server would keep its
            // own AES-128; TlsDifferentialIT.aClientPreferringAes256GetsItFromBoringSslWhereGoKeepsAes128).
            assertThat(connection.path("tls_cipher_suite").asText()).isEqualTo("TLS_AES_256_GCM_SHA384");
            assertThat(connection.has("tls_first")).isFalse();
            assertThat(connz(server, "").path("connections").get(0).has("tls_peer_certs")).isFalse();

            JsonNode varz = json(server, "/varz");
            assertThat(varz.path("tls_required").asBoolean()).isTrue();
            assertThat(varz.path("tls_timeout").asDouble()).isEqualTo(2.0);
            assertThat(varz.path("auth_timeout").asDouble()).as("TLS timeout plus one second").isEqualTo(3.0);
        }
    }

    @Test
    void connectionRateLimitTurnsAwayHandshakesBeyondItInClear() throws Exception {
        TlsSettings tls = tls(false);
        TlsSettings limited = new TlsSettings(tls.certificates(), tls.verify(), tls.ciphers(),
                new TlsHandshakeSettings(TlsHandshakeSettings.DEFAULT_TIMEOUT, 1, false, Duration.ZERO),
                tls.certStore(), null);
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(settings(limited))) {
            List<RawClient> clients = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(RawClient.connectAndReadInfo("127.0.0.1", server.port()));
                }
                // The first opens the one-second window; at least the next one falls in it.
                String throttled = clients.get(1).readUntilClosed();
                assertThat(throttled).isEqualTo("-ERR 'Connection throttling is active. Please try again later.'\r\n");
                assertThat(clients.get(0).isClosedByServer()).as("its handshake goes on").isFalse();
            } finally {
                for (RawClient client : clients) {
                    client.close();
                }
            }
            JsonNode closed = connz(server, "?state=closed").path("connections");
            assertThat(closed.findValuesAsText("reason")).contains("Maximum Connections Exceeded");
            // A later second has room again.
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Connection client = null;
            while (client == null) {
                try {
                    client = connect(tlsOptions(server, files.clientContext()).maxReconnects(0));
                } catch (java.io.IOException e) {
                    assertThat(System.nanoTime()).as("a handshake allowed within " + TIMEOUT).isLessThan(deadline);
                }
            }
            try (Connection open = client) {
                roundTrip(open);
            }
        }
    }

    @Test
    void opentlsTrustsWhateverTheServerPresents() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(settings(tls(false)));
                Connection client = connect(Options.builder().server("opentls://127.0.0.1:" + server.port())
                        .connectionTimeout(TIMEOUT))) {
            roundTrip(client);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheServerCannotConnect() throws Exception {
        SSLContext otherCa = TlsFiles.clientContext(CertificateAuthority.root("Other").certificate(), null);
        try (EmbeddedServer server = EmbeddedServer.start(settings(tls(false)))) {
            assertThatThrownBy(() -> connect(tlsOptions(server, otherCa).maxReconnects(0)))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void underVerifyTheClientCertificateIsRequiredAndShownWithAuth() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(settings(tls(true)))) {
            assertThatThrownBy(() -> connect(tlsOptions(server, files.clientContext()).maxReconnects(0)))
                    .isInstanceOf(Exception.class);
            try (Connection client = connect(tlsOptions(server, files.clientContextWithCertificate()))) {
                roundTrip(client);

                JsonNode peer = connz(server, "?auth=1").path("connections").get(0).path("tls_peer_certs").get(0);
                assertThat(peer.path("subject").asText()).isEqualTo("CN=client,O=Natrium");
                assertThat(peer.path("cert_sha256").asText()).isEqualTo(files.client().sha256());
                assertThat(peer.path("spki_sha256").asText()).isEqualTo(files.client().spkiSha256());
            }
            JsonNode refused = connz(server, "?state=closed").path("connections").get(0);
            assertThat(refused.path("reason").asText()).isEqualTo("TLS Handshake Failure");
        }
    }

    @Test
    void aClientReconnectsOverTlsWhenTheServerComesBack() throws Exception {
        EmbeddedServer first = EmbeddedServer.start(settings(tls(false)));
        int port = first.port();
        CountDownLatch reconnected = new CountDownLatch(1);
        Options.Builder options = tlsOptions(first, files.clientContext()).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(100)).connectionListener((connection, event) -> {
                    if (event == ConnectionListener.Events.RECONNECTED) {
                        reconnected.countDown();
                    }
                });
        try (Connection client = connect(options)) {
            first.close();
            try (EmbeddedServer second = EmbeddedServer.startOnPort(settings(tls(false)), port)) {
                assertThat(reconnected.await(10, TimeUnit.SECONDS)).isTrue();
                roundTrip(client);
            }
        }
    }

    @Test
    void handshakeFirstServesTlsFirstClientsOnly() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(settings(first(tls(false), Duration.ZERO)))) {
            try (Connection client = connect(tlsOptions(server, files.clientContext()).tlsFirst())) {
                roundTrip(client);
                assertThat(connz(server, "").path("connections").get(0).path("tls_first").asBoolean()).isTrue();
            }
            assertThatThrownBy(() -> connect(tlsOptions(server, files.clientContext()).maxReconnects(0)
                    .connectionTimeout(Duration.ofSeconds(2)))).isInstanceOf(Exception.class);
        }
    }

    @Test
    void handshakeFirstWithAFallbackDelayServesBothKindsOfClients() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(settings(first(tls(false), Duration.ofMillis(300))));
                Connection first = connect(tlsOptions(server, files.clientContext()).tlsFirst());
                Connection infoFirst = connect(tlsOptions(server, files.clientContext()))) {
            roundTrip(first);
            roundTrip(infoFirst);
        }
    }

    @Test
    void allowNonTlsTakesClientsWithAndWithoutTls() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(settings(tls(false)).allowNonTls(true));
                Connection plain = connect(Options.builder().server("nats://127.0.0.1:" + server.port())
                        .connectionTimeout(TIMEOUT));
                Connection secure = connect(tlsOptions(server, files.clientContext()))) {
            assertThat(plain.getServerInfo().isTLSRequired()).isFalse();
            roundTrip(plain);
            roundTrip(secure);
        }
    }

    @Test
    void verifyAndMapFindsTheUserFromTheClientCertificateOfTheSslContext() throws Exception {
        TlsSettings mapping = verifying(tls(true), true, Set.of());
        ServerSettings.Builder settings = settings(mapping).authorization(auth -> new AuthorizationSettings(auth.user(),
                auth.password(), auth.token(), auth.timeout(), List.of(new UserSettings("o=Natrium, cn=client", null,
                        null, null, Set.of(), false)), auth.defaultPermissions(), auth.callout(),
                auth.proxyRequired()));
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(settings)) {
            try (Connection client = connect(tlsOptions(server, files.clientContextWithCertificate()))) {
                roundTrip(client);
                assertThat(connz(server, "?auth=1").path("connections").get(0).path("authorized_user").asText())
                        .isEqualTo("o=Natrium, cn=client");
            }
            SSLContext stranger = TlsFiles.clientContext(files.authority().certificate(),
                    files.authority().client("CN=stranger,O=Natrium"));
            assertThatThrownBy(() -> connect(tlsOptions(server, stranger).maxReconnects(0)))
                    .hasMessageContaining("Authorization Violation");
        }
    }

    @Test
    void pinnedCertsLetInOnlyThePinnedKey() throws Exception {
        TlsSettings pinned = verifying(tls(true), false, Set.of(files.client().spkiSha256()));
        try (EmbeddedServer server = EmbeddedServer.start(settings(pinned))) {
            try (Connection client = connect(tlsOptions(server, files.clientContextWithCertificate()))) {
                roundTrip(client);
            }
            SSLContext other = TlsFiles.clientContext(files.authority().certificate(),
                    files.authority().client("CN=client,O=Natrium"));
            assertThatThrownBy(() -> connect(tlsOptions(server, other).maxReconnects(0)
                    .connectionTimeout(Duration.ofSeconds(2)))).isInstanceOf(Exception.class);
        }
    }

    private static TlsSettings verifying(TlsSettings tls, boolean map, Set<String> pinned) {
        return new TlsSettings(tls.certificates(), new TlsVerifySettings(true, map, false, false, pinned),
                tls.ciphers(), tls.handshake(), tls.certStore(), tls.ocspPeer());
    }

    private static void roundTrip(Connection client) throws Exception {
        Subscription subscription = client.subscribe("tls.check");
        client.publish("tls.check", "hello".getBytes(StandardCharsets.UTF_8));
        Message message = subscription.nextMessage(TIMEOUT);
        assertThat(message).isNotNull();
        assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("hello");
        subscription.unsubscribe();
    }

    private static TlsSettings tls(boolean verify) {
        return TlsSettings.ofFiles(files.serverCert().toString(), files.serverKey().toString(),
                files.caFile().toString(), verify);
    }

    private static TlsSettings first(TlsSettings tls, Duration fallback) {
        return new TlsSettings(tls.certificates(), tls.verify(), tls.ciphers(),
                new TlsHandshakeSettings(TlsHandshakeSettings.DEFAULT_TIMEOUT, 0, true, fallback), tls.certStore(),
                null);
    }

    private static ServerSettings.Builder settings(TlsSettings tls) {
        return ServerSettings.builder().tls(tls);
    }

    private static Options.Builder tlsOptions(EmbeddedServer server, SSLContext context) {
        return Options.builder().server("tls://127.0.0.1:" + server.port()).sslContext(context)
                .connectionTimeout(TIMEOUT);
    }

    private static Connection connect(Options.Builder options) throws Exception {
        return Nats.connect(options.build());
    }

    private static JsonNode connz(EmbeddedServer server, String query) throws Exception {
        return json(server, "/connz" + query);
    }

    private static JsonNode json(EmbeddedServer server, String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.monitorUrl(pathAndQuery)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
