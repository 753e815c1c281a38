package io.natrium.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.OcspCacheSettings;
import io.natrium.application.settings.OcspPeerSettings;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.OcspResponder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nats-server's OCSP peer decision on a client chain, against a responder started by the test whose answers
 * Bouncy Castle signs: good, revoked, unknown and unreachable, with {@code warn_only}, {@code unknown_is_good},
 * {@code allow_when_ca_unreachable}; chains without responders or self-signed; the cache answering in place of the
 * responder, kept in a file in nats-server's format and read again by the next start.
 */
class OcspPeerVerifierTest {

    /** nats-server's defaults, but a longer {@code ca_timeout}: a busy machine makes the first answer slow. */
    private static final OcspPeerSettings DEFAULTS = settings(false, false, false);

    @TempDir
    Path store;

    private CertificateAuthority authority;
    private OcspResponder responder;
    private IssuedCertificate client;
    private final MovableClock clock = new MovableClock();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final OcspPeerEvents recorder = event -> events.add(event.link() == null
            ? "reject " + event.kind() + " " + event.peer().subject() + ": " + event.reason()
            : "link " + event.link().subject() + ": " + event.reason());

    @BeforeEach
    void startResponder() throws IOException {
        authority = CertificateAuthority.root("OCSP Peer CA");
        responder = OcspResponder.start(authority);
        client = authority.issueClient(CertificateSpec.subject("CN=alice,O=Natrium").withOcspUrls(responder.url()));
    }

    @AfterEach
    void stopResponder() {
        responder.close();
    }

    @Test
    void aGoodClientPassesAndItsAnswerIsCachedForTheNextHandshake() throws Exception {
        OcspPeerCache cache = local(false);
        cache.start();
        OcspPeerVerifier verifier = new OcspPeerVerifier(cache, recorder, clock);
        assertThat(verifier.valid(chain(client), DEFAULTS)).isTrue();
        assertThat(responder.requests()).isEqualTo(1);
        assertThat(verifier.valid(chain(client), DEFAULTS)).isTrue();
        assertThat(responder.requests()).as("the second check answered from the cache").isEqualTo(1);
        assertThat(cache.stats()).isEqualTo(new OcspPeerCacheStats(1, 1, 1, 0, 1, 0));
        assertThat(events).isEmpty();
        cache.stop();
    }

    @Test
    void aRevokedClientIsRejectedWithTheEventsUnlessWarnOnly() throws Exception {
        responder.revoke(client);
        OcspPeerVerifier verifier = new OcspPeerVerifier(new NoOcspPeerCache(), recorder, clock);
        assertThat(rejected(verifier, DEFAULTS)).isTrue();
        assertThat(events).containsExactly("link CN=alice,O=Natrium: Invalid OCSP response status: revoked",
                "reject Client CN=alice,O=Natrium: client not OCSP valid");
        assertThat(verifier.valid(chain(client), settings(true, false, false))).isTrue();
    }

    @Test
    void anUnknownClientIsRejectedUnlessUnknownIsGood() {
        responder.unknown(client);
        OcspPeerVerifier verifier = new OcspPeerVerifier(new NoOcspPeerCache(), recorder, clock);
        assertThat(verifier.valid(chain(client), DEFAULTS)).isFalse();
        assertThat(events).containsExactly("link CN=alice,O=Natrium: Invalid OCSP response status: unknown");
        assertThat(verifier.valid(chain(client), settings(false, true, false))).isTrue();
    }

    @Test
    void anUnreachableResponderRejectsUnlessAllowedAndNoRevocationIsCached() throws Exception {
        OcspPeerCache cache = local(false);
        cache.start();
        OcspPeerVerifier verifier = new OcspPeerVerifier(cache, recorder, clock);
        responder.revoke(client);
        assertThat(verifier.valid(chain(client), DEFAULTS)).isFalse();
        responder.close();
        // The cached revocation is past its next update (an hour, plus the 30 s skew): the responder is asked.
        clock.advance(Duration.ofHours(2));
        assertThat(verifier.valid(chain(client), settings(false, false, true))).isFalse();
        assertThat(events).contains("link CN=alice,O=Natrium: Failed OCSP response fetch");
        IssuedCertificate other = authority.issueClient(CertificateSpec.subject("CN=bob")
                .withOcspUrls(responder.url()));
        assertThat(verifier.valid(chain(other), DEFAULTS)).isFalse();
        assertThat(verifier.valid(chain(other), settings(false, false, true))).isTrue();
        assertThat(verifier.valid(chain(other), settings(true, false, false))).isTrue();
        cache.stop();
    }

    @Test
    void chainsWithoutRespondersAndSelfSignedCertificatesAreValid() {
        OcspPeerVerifier verifier = new OcspPeerVerifier(new NoOcspPeerCache(), recorder, clock);
        IssuedCertificate plain = authority.client("CN=carol");
        assertThat(verifier.valid(chain(plain), DEFAULTS)).isTrue();
        assertThat(verifier.valid(List.of(authority.certificate()), DEFAULTS)).isTrue();
        assertThat(verifier.valid(List.of(), DEFAULTS)).isFalse();
        assertThat(responder.requests()).isZero();
    }

    @Test
    void theLocalCacheIsSavedInNatsServersFormatAndLoadedByTheNextStart() throws Exception {
        OcspPeerCache first = local(false);
        first.start();
        assertThat(new OcspPeerVerifier(first, recorder, clock).valid(chain(client), DEFAULTS)).isTrue();
        first.stop();
        String file = Files.readString(store.resolve("rc").resolve("cache.json"), StandardCharsets.UTF_8);
        String key = OcspPeerVerifier.fingerprint(client.certificate());
        assertThat(file).startsWith("{\n \"" + key + "\": {\n  \"subject\": \"CN=alice,O=Natrium\",\n"
                + "  \"cached_at\": \"").contains("\n  \"resp_status\": \"good\",\n  \"resp_expires\": \"")
                .contains("\n  \"resp\": \"").endsWith("\"\n }\n}");
        Map<String, OcspPeerCacheFile.Item> items = OcspPeerCacheFile.read(file);
        assertThat(S2Frames.decode(items.get(key).compressed())).isNotEmpty();

        responder.close();
        OcspPeerCache second = local(false);
        second.start();
        assertThat(new OcspPeerVerifier(second, recorder, clock).valid(chain(client), DEFAULTS))
                .as("answered by the saved response, the responder gone").isTrue();
        assertThat(second.stats().hits()).isEqualTo(1);
        second.stop();
    }

    @Test
    void preserveRevokedKeepsAnExpiredRevocation() throws Exception {
        OcspPeerCache cache = local(true);
        cache.start();
        OcspPeerVerifier verifier = new OcspPeerVerifier(cache, recorder, clock);
        responder.revoke(client);
        assertThat(verifier.valid(chain(client), DEFAULTS)).isFalse();
        clock.advance(Duration.ofHours(2));
        responder.close();
        assertThat(verifier.valid(chain(client), settings(false, false, true))).isFalse();
        assertThat(cache.stats().revokes()).as("kept by preserve_revoked").isEqualTo(1);
        cache.stop();
    }

    @Test
    void aBrokenCacheFileIsReplacedByAnEmptyCache() throws Exception {
        Path directory = Files.createDirectories(store.resolve("rc"));
        Files.writeString(directory.resolve("cache.json"), "not json");
        OcspPeerCache cache = local(false);
        cache.start();
        assertThat(cache.stats().responses()).isZero();
        cache.stop();
        assertThat(Files.readString(directory.resolve("cache.json"))).isEqualTo("{}");
    }

    private boolean rejected(OcspPeerVerifier verifier, OcspPeerSettings settings) {
        try {
            verifier.check(chain(client), settings);
            return false;
        } catch (OcspPeerRejection e) {
            assertThat(GoTlsErrors.describe(new javax.net.ssl.SSLHandshakeException("x") {
                {
                    initCause(e);
                }
            }, null, null)).isEqualTo("client not OCSP valid");
            return true;
        }
    }

    private OcspPeerCache local(boolean preserveRevoked) {
        return OcspPeerCache.of(new OcspCacheSettings("local", store.resolve("rc").toString(), preserveRevoked,
                Duration.ofMinutes(5)));
    }

    private List<X509Certificate> chain(IssuedCertificate certificate) {
        return List.of(certificate.certificate(), authority.certificate());
    }

    private static OcspPeerSettings settings(boolean warnOnly, boolean unknownIsGood, boolean allowUnreachable) {
        return new OcspPeerSettings(true, Duration.ofSeconds(20), Duration.ofSeconds(30), warnOnly, unknownIsGood,
                allowUnreachable, Duration.ofHours(1));
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
