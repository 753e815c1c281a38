package io.natrium.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.OcspResponder;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCSP peer response cache across reloads and in /varz, as the current nats-server keeps it ({@code reloadOCSP}
 * restarts the cache; monitor.go's {@code ocsp_peer_cache} block while a cache is online): a reload that turns
 * {@code ocsp_peer} on brings the cache online, so a returning client is answered from it, and /varz shows its
 * counters with nats-server's names (zero counters left out); a reload that turns it off again takes the block
 * away and saves the cache; any reload saves the running cache and starts one under the block then in force.
 */
class OcspPeerCacheIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = OcspPeerFixture.JSON;

    @TempDir
    Path directory;

    private OcspPeerFixture fixture;
    private OcspResponder responder;
    private int monitorPort;

    @BeforeEach
    void setUp() throws Exception {
        fixture = OcspPeerFixture.create(directory, "OCSP Cache CA");
        responder = fixture.responder;
        monitorPort = ServerProcess.freePort();
    }

    @AfterEach
    void stopResponder() {
        fixture.close();
    }

    @Test
    void aReloadTurningOcspPeerOnBringsTheCacheOnlineAndVarzShowsIt() throws Exception {
        IssuedCertificate good = fixture.client("CN=good");
        IssuedCertificate revoked = fixture.client("CN=revoked");
        responder.revoke(revoked);
        try (ConfiguredServer server = ConfiguredServer.start(config(false))) {
            assertThat(varz().has("ocsp_peer_cache")).as("no cache online without ocsp_peer").isFalse();

            assertThat(server.reload(config(true))).isInstanceOf(ReloadResult.Reloaded.class);
            connect(server, good, TIMEOUT).close();
            connect(server, good, TIMEOUT).close();
            assertThat(responder.requests()).as("the second handshake answered by the cache").isEqualTo(1);
            assertThatThrownBy(() -> connect(server, revoked, Duration.ofSeconds(5))).isInstanceOf(Exception.class);
            assertThat(responder.requests()).isEqualTo(2);

            assertThat(varz().path("ocsp_peer_cache")).isEqualTo(JSON.readTree("{\"cache_type\":\"local\","
                    + "\"cache_hits\":1,\"cache_misses\":2,\"cached_responses\":2,\"cached_revoked_responses\":1,"
                    + "\"cached_good_responses\":1}"));

            assertThat(server.reload(config(false))).isInstanceOf(ReloadResult.Reloaded.class);
            assertThat(varz().has("ocsp_peer_cache")).as("the cache stopped with the last ocsp_peer").isFalse();
            JsonNode saved = JSON.readTree(Files.readString(directory.resolve("rc").resolve("cache.json")));
            assertThat(saved.path(fingerprint(good)).path("resp_status").asText()).isEqualTo("good");
            assertThat(saved.path(fingerprint(revoked)).path("resp_status").asText()).isEqualTo("revoked");
        }
    }

    @Test
    void aReloadBuildsTheCacheAnewUnderItsNewBlock() throws Exception {
        IssuedCertificate good = fixture.client("CN=good");
        try (ConfiguredServer server = ConfiguredServer.start(config(true))) {
            connect(server, good, TIMEOUT).close();
            assertThat(responder.requests()).isEqualTo(1);

            // nats-server's reloadOCSP saves the running cache and starts one from the new block's store: empty.
            assertThat(server.reload(config(true, "type: local, local_store: \"" + directory.resolve("rc2") + "\"")))
                    .isInstanceOf(ReloadResult.Reloaded.class);
            assertThat(Files.readString(directory.resolve("rc").resolve("cache.json"))).contains(fingerprint(good));
            connect(server, good, TIMEOUT).close();
            assertThat(responder.requests()).as("the new cache had no answer yet").isEqualTo(2);
            assertThat(varz().path("ocsp_peer_cache")).isEqualTo(JSON.readTree("{\"cache_type\":\"local\","
                    + "\"cache_misses\":1,\"cached_responses\":1,\"cached_good_responses\":1}"));

            assertThat(server.reload(config(true, "type: none"))).isInstanceOf(ReloadResult.Reloaded.class);
            assertThat(varz().has("ocsp_peer_cache")).as("a cache of type none is not shown").isFalse();
            connect(server, good, TIMEOUT).close();
            connect(server, good, TIMEOUT).close();
            assertThat(responder.requests()).as("every check asks the responder").isEqualTo(4);
            assertThat(Files.readString(directory.resolve("rc2").resolve("cache.json"))).contains(fingerprint(good));
        }
    }

    private String config(boolean ocspPeer) {
        return config(ocspPeer, "type: local, local_store: \"" + directory.resolve("rc") + "\"");
    }

    private String config(boolean ocspPeer, String cache) {
        return "http: \"127.0.0.1:" + monitorPort + "\"\n"
                + "tls {\n  cert_file: \"" + directory.resolve("server.pem") + "\"\n  key_file: \""
                + directory.resolve("server.key") + "\"\n  ca_file: \"" + directory.resolve("ca.pem") + "\"\n"
                // Generous bounds: the responder's first answer is slow on a busy machine.
                + "  verify: true\n  timeout: 20\n"
                + (ocspPeer ? "  ocsp_peer: { verify: true, ca_timeout: 15 }\n" : "") + "}\n"
                + "ocsp_cache { " + cache + " }\n";
    }

    private Connection connect(ConfiguredServer server, IssuedCertificate certificate, Duration timeout)
            throws Exception {
        return Nats.connect(Options.builder().server("tls://127.0.0.1:" + server.port())
                .sslContext(TlsFiles.clientContext(fixture.authority.certificate(), certificate))
                .connectionTimeout(timeout).maxReconnects(0).build());
    }

    private JsonNode varz() throws Exception {
        return OcspPeerFixture.varz(monitorPort, TIMEOUT);
    }

    private static String fingerprint(IssuedCertificate certificate) throws Exception {
        return OcspPeerFixture.fingerprint(certificate);
    }
}
