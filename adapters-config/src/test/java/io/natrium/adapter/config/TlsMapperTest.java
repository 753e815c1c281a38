package io.natrium.adapter.config;

import static io.natrium.adapter.config.Conf.at;
import static io.natrium.adapter.config.Conf.conf;
import static io.natrium.adapter.config.Conf.list;
import static io.natrium.adapter.config.Conf.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.application.settings.CertStoreSettings;
import io.natrium.application.settings.OcspCacheSettings;
import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.OcspPeerSettings;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsCertificatePair;
import io.natrium.application.settings.TlsSettings;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TlsMapperTest {

    private static final String PIN = "a".repeat(64);

    private static ServerSettings settings(ConfigMap conf) {
        MappedSettings mapped = SettingsMapper.map(conf);
        assertThat(Conf.errors(mapped)).isEmpty();
        return mapped.settings();
    }

    private static TlsSettings tls(Object... keysAndValues) {
        return settings(conf("tls", map(keysAndValues))).tls();
    }

    @Test
    void theClientPortBuildsEveryKeyItsRateLimitAndOcspPeerChecksToo() {
        MappedSettings built = SettingsMapper.map(conf("tls", map("cert_file", "s.pem", "key_file", "s.key",
                "verify_and_map", true, "pinned_certs", list(PIN), "connection_rate_limit", 10,
                "ocsp_peer", map("verify", true))));

        assertThat(built.errors()).isEmpty();
        assertThat(Conf.refusals(built)).isEmpty();
        assertThat(built.settings().tls().verify().verify()).as("verify_and_map verifies").isTrue();
        assertThat(built.settings().tls().verify().map()).isTrue();
        assertThat(built.settings().tls().verify().pinnedCerts()).containsExactly(PIN);
        assertThat(built.settings().tls().handshake().rateLimit()).isEqualTo(10);
        assertThat(built.settings().tls().ocspPeer().verify()).isTrue();
    }

    @Test
    void acceptsNatsServer2910sChaChaNamesBesideCurrentGos() {
        assertThat(tls("cipher_suites", list("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256")).ciphers().cipherSuites())
                .containsExactly("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void keepsEveryTlsKeyAsData() {
        TlsSettings tls = tls("cert_file", "server.pem", "key_file", "server.key", "ca_file", "ca.pem",
                "insecure", true, "verify_and_map", true, "allow_insecure_cipher_suites", true,
                "cipher_suites", list("TLS_AES_128_GCM_SHA256", "TLS_RSA_WITH_RC4_128_SHA"),
                "curve_preferences", list("CurveP256", "X25519"), "timeout", 3, "connection_rate_limit", 100,
                "pinned_certs", list(PIN.toUpperCase()), "handshake_first", "300ms", "min_version", "1.3",
                "ocsp_peer", map("verify", true, "ca_timeout", "5s", "allowed_clockskew", 1,
                        "cache_ttl_when_next_update_unset", 60.0, "warn_only", true, "unknown_is_good", true,
                        "allow_when_ca_unreachable", true),
                "cert_match_skip_invalid", true, "ca_certs_match", list("CA1"));

        assertThat(tls.certificates().certFile()).isEqualTo("server.pem");
        assertThat(tls.certificates().keyFile()).isEqualTo("server.key");
        assertThat(tls.certificates().caFile()).isEqualTo("ca.pem");
        assertThat(tls.verify().verify()).isTrue();
        assertThat(tls.verify().map()).isTrue();
        assertThat(tls.verify().insecure()).isTrue();
        assertThat(tls.verify().pinnedCerts()).containsExactly(PIN);
        assertThat(tls.ciphers().cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_RSA_WITH_RC4_128_SHA");
        assertThat(tls.ciphers().curvePreferences()).containsExactly("CurveP256", "X25519");
        assertThat(tls.ciphers().allowInsecure()).isTrue();
        assertThat(tls.ciphers().minVersion()).isEqualTo("1.3");
        assertThat(tls.handshake().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(tls.handshake().rateLimit()).isEqualTo(100);
        assertThat(tls.handshake().first()).isTrue();
        assertThat(tls.handshake().fallbackDelay()).isEqualTo(Duration.ofMillis(300));
        assertThat(tls.ocspPeer()).isEqualTo(new OcspPeerSettings(true, Duration.ofSeconds(5), Duration.ofSeconds(1),
                true, true, true, Duration.ofMinutes(1)));
        assertThat(tls.certStore()).isEqualTo(new CertStoreSettings(null, null, null, List.of("CA1"), true));
    }

    @Test
    void defaultsAndCertificateLists() {
        TlsSettings tls = tls("certs", list(map("cert_file", "a.pem", "key_file", "a.key"),
                map("cert_file", "b.pem", "key_file", "b.key")), "verify", true, "ocsp_peer", false);

        assertThat(tls.certificates().pairs()).containsExactly(new TlsCertificatePair("a.pem", "a.key"),
                new TlsCertificatePair("b.pem", "b.key"));
        assertThat(tls.handshake().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(tls.handshake().first()).isFalse();
        assertThat(tls.ocspPeer()).isEqualTo(OcspPeerSettings.defaults(false));
        assertThat(tls.verify().pinnedCerts()).isEqualTo(Set.of());
    }

    static Stream<Arguments> handshakeFirst() {
        return Stream.of(Arguments.of(true, true, Duration.ZERO), Arguments.of("on", true, Duration.ZERO),
                Arguments.of("off", false, Duration.ZERO), Arguments.of("auto", true, Duration.ofMillis(50)),
                Arguments.of("auto_fallback", true, Duration.ofMillis(50)), Arguments.of("2s", true,
                        Duration.ofSeconds(2)));
    }

    @ParameterizedTest(name = "handshake_first: {0}")
    @MethodSource("handshakeFirst")
    void readsHandshakeFirstAsABooleanModeOrFallbackDelay(Object value, boolean first, Duration fallback) {
        for (String key : List.of("handshake_first", "first", "immediate")) {
            TlsSettings tls = tls(key, value);
            assertThat(tls.handshake().first()).isEqualTo(first);
            assertThat(tls.handshake().fallbackDelay()).isEqualTo(fallback);
        }
    }

    @Test
    void authTimeoutDefaultsToTheTlsTimeoutPlusOneSecond() {
        assertThat(settings(conf("tls", map("timeout", "4s"))).authTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings(conf()).authTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings(conf("tls", map(), "authorization", map("timeout", 7))).authTimeout())
                .isEqualTo(Duration.ofSeconds(7));
    }

    static Stream<Arguments> ocsp() {
        return Stream.of(
                Arguments.of(conf("ocsp", true), new OcspSettings(OcspMode.AUTO, List.of())),
                Arguments.of(conf("ocsp", false), new OcspSettings(OcspMode.NEVER, List.of())),
                Arguments.of(conf("ocsp", map("mode", "Must", "urls", list("http://a", "http://b"))),
                        new OcspSettings(OcspMode.MUST, List.of("http://a", "http://b"))),
                Arguments.of(conf("ocsp", map("mode", "always", "url", "http://c")),
                        new OcspSettings(OcspMode.ALWAYS, List.of("http://c"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ocsp")
    void readsOcspStapling(ConfigMap conf, OcspSettings expected) {
        assertThat(settings(conf).ocsp()).isEqualTo(expected);
    }

    @Test
    void readsTheOcspCache() {
        assertThat(settings(conf("ocsp_cache", true)).ocspCache()).isEqualTo(OcspCacheSettings.defaults("local"));
        assertThat(settings(conf("ocsp_cache", false)).ocspCache()).isEqualTo(OcspCacheSettings.defaults("none"));
        assertThat(settings(conf("ocsp_cache", map("type", "LOCAL", "local_store", "/c", "preserve_revoked", true,
                "save_interval", "0s"))).ocspCache()).isEqualTo(new OcspCacheSettings("local", "/c", true,
                Duration.ofSeconds(1)));
    }

    private static Arguments error(ConfigMap block, String position, String message) {
        return Conf.fails(conf("tls", block), position, message);
    }

    static Stream<Arguments> errors() {
        String tls = at(1, 0);
        String key = at(2, 1);
        String element = at(3, 2);
        String prefix = "error parsing tls config, ";
        return Stream.of(
                error(map("cert_file", 5), key, prefix + "expected 'cert_file' to be filename"),
                error(map("key_file", true), key, prefix + "expected 'key_file' to be filename"),
                error(map("ca_file", list()), key, prefix + "expected 'ca_file' to be filename"),
                error(map("verify", "yes"), key, prefix + "expected 'verify' to be a boolean"),
                error(map("insecure", 1), key, prefix + "expected 'insecure' to be a boolean"),
                error(map("verify_and_map", 1), key, prefix + "expected 'verify_and_map' to be a boolean"),
                error(map("allow_insecure_cipher_suites", 1), key,
                        prefix + "expected 'allow_insecure_cipher_suites' to be a boolean"),
                error(map("verify_cert_and_check_known_urls", true), tls,
                        "verify_cert_and_check_known_urls not supported in this context"),
                error(map("cipher_suites", list()), key, prefix + "'cipher_suites' cannot be empty"),
                error(map("cipher_suites", list("TLS_NOPE")), element, "unrecognized cipher TLS_NOPE"),
                error(map("cipher_suites", list("TLS_RSA_WITH_RC4_128_SHA")), tls,
                        "insecure cipher suites configured without 'allow_insecure_cipher_suites' option set: "
                                + "TLS_RSA_WITH_RC4_128_SHA"),
                error(map("curve_preferences", list()), key, prefix + "'curve_preferences' cannot be empty"),
                error(map("curve_preferences", list("P999")), element, "unrecognized curve preference P999"),
                error(map("timeout", true), key, prefix + "'timeout' wrong type"),
                error(map("timeout", "soon"), key, prefix + "'timeout' time: invalid duration \"soon\""),
                error(map("connection_rate_limit", "x"), key, prefix + "'connection_rate_limit' wrong type"),
                error(map("pinned_certs", "x"), key, prefix + "expected 'pinned_certs' to be a list of hex-encoded "
                        + "sha256 of DER encoded SubjectPublicKeyInfo"),
                error(map("pinned_certs", list("abc")), element, prefix + "'pinned_certs' key abc does not look like "
                        + "hex-encoded sha256 of DER encoded SubjectPublicKeyInfo"),
                error(map("cert_store", ""), key, "expected 'cert_store' to be a valid non-empty string"),
                error(map("cert_store", "MacKeychain"), key, "cert store type not implemented"),
                error(map("cert_match_by", 5), key, "expected 'cert_match_by' to be a valid non-empty string"),
                error(map("cert_match_by", "colour"), key, "cert match by type not implemented"),
                error(map("cert_match", ""), key, "expected 'cert_match' to be a valid non-empty string"),
                error(map("ca_certs_match", list(5)), key,
                        "error parsing ca_cert_match: unsupported type int64 where string is expected"),
                error(map("cert_match_skip_invalid", "x"), key, "expected 'cert_match_skip_invalid' to be a boolean"),
                error(map("handshake_first", "later"), key, "field \"handshake_first\"'s value \"later\" is invalid"),
                error(map("first", 5), key, "field \"first\" should be a boolean or a string, got int64"),
                error(map("ocsp_peer", 5), key, "error parsing ocsp peer config: unsupported type int64"),
                error(map("ocsp_peer", map("verify", 5)), element,
                        "error parsing tls peer config, unknown field [\"verify\"]"),
                error(map("ocsp_peer", map("loud", true)), element,
                        "error parsing tls peer config, unknown field [\"loud\"]"),
                error(map("ocsp_peer", map("ca_timeout", true)), element,
                        "error parsing tls peer config, conversion error: wrong type"),
                error(map("certs", 5), key, "error parsing certificates config: unsupported type int64"),
                error(map("certs", list(5)), element, "error parsing certificates config: unsupported type int64"),
                error(map("certs", list(map("cert_file", "a"))), element,
                        "error parsing certificates config: both 'cert_file' and 'cert_key' options are required"),
                error(map("certs", list(map("cert_file", 5))), at(4, 3),
                        "error parsing certificates config: unsupported type int64"),
                error(map("certs", list(map("chain", "a"))), at(4, 3),
                        "error parsing tls certs config, unknown field \"chain\""),
                error(map("certs", list(map("cert_file", "a", "key_file", "b")), "cert_file", "c"), tls,
                        prefix + "cannot combine 'cert_file' option with 'certs' option"),
                error(map("min_version", "1.1"), key, "error parsing tls config: unsupported TLS version: TLS 1.1"),
                error(map("min_version", "2"), key, "error parsing tls config: unknown version: 2"),
                error(map("min_version", 1.2), key, "error parsing tls config: 'min_version' wrong type: 1.2"),
                error(map("sni", true), key, prefix + "unknown field \"sni\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void reportsNatsServersTlsErrors(ConfigMap conf, String expected) {
        MappedSettings mapped = SettingsMapper.map(conf);

        assertThat(Conf.errors(mapped)).containsExactly(expected);
        assertThat(mapped.settings().tls()).isNull();
    }
}
