package io.natrium.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.OcspResponder;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ocsp_peer} (nats-server 2.10 on; 2.9.10 refuses the key, so the behaviour follows the current source) on a
 * Natrium process with jnats clients presenting certificates whose status a responder started by the test gives:
 * a good client is let in, a revoked, unknown or unreachable one is cut in the handshake with nats-server's log
 * lines and its two {@code $SYS} events; the response cache answers a returning client and is saved where
 * {@code ocsp_cache} says, in nats-server's file, for the next start; /varz says {@code tls_ocsp_peer_verify}.
 */
class JnatsOcspPeerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern REJECTED = Pattern.compile(
            "\\[ERR] 127\\.0\\.0\\.1:\\d+ - cid:\\d+ - TLS handshake error: client not OCSP valid");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private OcspPeerFixture fixture;
    private CertificateAuthority authority;
    private OcspResponder responder;
    private Path config;
    private int monitorPort;

    @BeforeEach
    void setUp() throws Exception {
        fixture = OcspPeerFixture.create(directory, "OCSP Peer CA");
        authority = fixture.authority;
        responder = fixture.responder;
        monitorPort = ServerProcess.freePort();
        config = directory.resolve("peer.conf");
        Files.writeString(config, "http: \"127.0.0.1:" + monitorPort + "\"\n"
                + "tls {\n  cert_file: \"" + directory.resolve("server.pem") + "\"\n  key_file: \""
                + directory.resolve("server.key") + "\"\n  ca_file: \"" + directory.resolve("ca.pem") + "\"\n"
                // Generous bounds: the responder's first answer is slow on a busy machine.
                + "  verify: true\n  timeout: 20\n  ocsp_peer: { verify: true, ca_timeout: 15 }\n}\n"
                + "ocsp_cache { type: local, local_store: \"" + directory.resolve("rc") + "\" }\n"
                + "system_account: SYS\n"
                + "accounts {\n  SYS { users: [ {user: sys, password: pass} ] }\n"
                + "  APP { users: [ {user: app, password: pass} ] }\n}\n");
    }

    @AfterEach
    void stopResponder() {
        fixture.close();
    }

    @Test
    void aGoodClientIsLetInAndRevokedOrUnknownOnesAreCutWithNatsServersLinesAndEvents() throws Exception {
        IssuedCertificate good = client("CN=good,O=Natrium");
        IssuedCertificate revoked = client("CN=revoked,O=Natrium");
        IssuedCertificate unknown = client("CN=unknown,O=Natrium");
        responder.revoke(revoked);
        responder.unknown(unknown);
        try (ServerProcess server = start();
                Connection system = connect(server, authority.client("CN=system"), "sys")) {
            Subscription rejects = system.subscribe("$SYS.SERVER.*.OCSP.PEER.CONN.REJECT");
            Subscription links = system.subscribe("$SYS.SERVER.*.OCSP.PEER.LINK.INVALID");
            system.flush(TIMEOUT);
            server.awaitLog("OCSP peer cache online, type [local]", TIMEOUT);

            try (Connection client = connect(server, good, "app")) {
                Subscription echo = client.subscribe("ocsp.peer");
                client.publish("ocsp.peer", "hello".getBytes(StandardCharsets.UTF_8));
                assertThat(echo.nextMessage(TIMEOUT)).isNotNull();
            }

            refused(server, revoked);
            server.awaitLog(REJECTED, TIMEOUT);
            server.awaitLog("[WRN] OCSP verify fail for [CN=revoked,O=Natrium] with CA status [revoked]", TIMEOUT);
            JsonNode reject = event(rejects);
            assertThat(reject.path("type").asText()).isEqualTo("io.nats.server.advisory.v1.ocsp_peer_reject");
            assertThat(reject.path("kind").asText()).isEqualTo("Client");
            assertThat(reject.path("reason").asText()).isEqualTo("client not OCSP valid");
            assertThat(reject.path("peer").path("subject").asText()).isEqualTo("CN=revoked,O=Natrium");
            assertThat(reject.path("peer").path("issuer").asText()).isEqualTo("CN=OCSP Peer CA");
            assertThat(reject.path("peer").path("fingerprint").asText()).isEqualTo(fingerprint(revoked));
            assertThat(Base64.getDecoder().decode(reject.path("peer").path("raw").asText()))
                    .isEqualTo(revoked.certificate().getEncoded());
            assertThat(reject.path("server").path("id").asText()).isNotEmpty();
            JsonNode link = event(links);
            assertThat(link.path("type").asText()).isEqualTo("io.nats.server.advisory.v1.ocsp_peer_link_invalid");
            assertThat(link.path("link").path("subject").asText()).isEqualTo("CN=revoked,O=Natrium");
            assertThat(link.path("reason").asText()).isEqualTo("Invalid OCSP response status: revoked");

            refused(server, unknown);
            server.awaitLog("[WRN] OCSP verify fail for [CN=unknown,O=Natrium] with CA status [unknown]", TIMEOUT);
            assertThat(event(links).path("reason").asText()).isEqualTo("Invalid OCSP response status: unknown");

            JsonNode varz = varz();
            assertThat(varz.path("tls_ocsp_peer_verify").asBoolean()).isTrue();
            assertThat(varz.path("tls_verify").asBoolean()).isTrue();
        }
    }

    @Test
    void anUnreachableResponderCutsTheClientWithTheFetchError() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        IssuedCertificate stranded = authority.issueClient(CertificateSpec.subject("CN=stranded")
                .withOcspUrls("http://127.0.0.1:" + closed + "/ocsp"));
        try (ServerProcess server = start()) {
            refused(server, stranded);
            server.awaitLog(Pattern.compile("\\[WRN] Attempt to obtain OCSP response from CA responder for "
                    + "\\[CN=stranded] failed: exhausted OCSP responders: Get \"http://127\\.0\\.0\\.1:" + closed
                    + "/ocsp/[^\"]+\": dial tcp 127\\.0\\.0\\.1:" + closed + ": connect: connection refused"),
                    TIMEOUT);
            server.awaitLog(REJECTED, TIMEOUT);
        }
    }

    @Test
    void theCacheAnswersAReturningClientAndIsSavedForTheNextStart() throws Exception {
        IssuedCertificate good = client("CN=returning");
        try (ServerProcess server = start()) {
            connect(server, good, "app").close();
            connect(server, good, "app").close();
            assertThat(responder.requests()).as("the second handshake answered by the cache").isEqualTo(1);
            // The cache is saved at the stop.
            server.terminate(TIMEOUT);
        }
        String saved = Files.readString(directory.resolve("rc").resolve("cache.json"));
        JsonNode item = JSON.readTree(saved).path(fingerprint(good));
        assertThat(item.path("subject").asText()).isEqualTo("CN=returning");
        assertThat(item.path("resp_status").asText()).isEqualTo("good");

        responder.close();
        try (ServerProcess server = start()) {
            connect(server, good, "app").close();
        }
    }

    private ServerProcess start() throws Exception {
        // The first start after a build trains the launcher's class-data archive: slow on a busy machine.
        return ServerProcess.start(ServerProcess.natriumLauncher(), List.of("-c", config.toString()),
                Duration.ofSeconds(180));
    }

    private IssuedCertificate client(String subject) {
        return fixture.client(subject);
    }

    private Connection connect(ServerProcess server, IssuedCertificate certificate, String user) throws Exception {
        return connect(server, certificate, user, TIMEOUT);
    }

    /**
     * A refused TLS 1.3 client learns it only when it reads after its side of the handshake: jnats then waits for
     * its connect to time out, so refusals are tried with a shorter bound.
     */
    private void refused(ServerProcess server, IssuedCertificate certificate) {
        assertThatThrownBy(() -> connect(server, certificate, "app", Duration.ofSeconds(5)))
                .isInstanceOf(Exception.class);
    }

    private Connection connect(ServerProcess server, IssuedCertificate certificate, String user, Duration timeout)
            throws Exception {
        SSLContext context = TlsFiles.clientContext(authority.certificate(), certificate);
        return Nats.connect(Options.builder().server("tls://127.0.0.1:" + server.port()).sslContext(context)
                .userInfo(user, "pass").connectionTimeout(timeout).maxReconnects(0).build());
    }

    private static JsonNode event(Subscription subscription) throws Exception {
        Message message = subscription.nextMessage(TIMEOUT);
        assertThat(message).as("an event on " + subscription.getSubject()).isNotNull();
        return JSON.readTree(message.getData());
    }

    private JsonNode varz() throws Exception {
        return OcspPeerFixture.varz(monitorPort, TIMEOUT);
    }

    private static String fingerprint(IssuedCertificate certificate) throws Exception {
        return OcspPeerFixture.fingerprint(certificate);
    }
}
