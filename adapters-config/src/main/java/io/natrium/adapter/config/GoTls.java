package io.natrium.adapter.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The names Go's {@code crypto/tls} and nats-server's certificate store accept in a {@code tls} block. */
final class GoTls {

    /** {@code tls.CipherSuites()}. */
    private static final Set<String> SECURE_CIPHERS = Set.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_GCM_SHA384");

    /** {@code tls.InsecureCipherSuites()}. */
    private static final Set<String> INSECURE_CIPHERS = Set.of(
            "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
            "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

    /**
     * nats-server 2.9.10's {@code cipherMap}, which {@code --help_tls} lists (Go prints it in map order, which is
     * random; this is the source's order). Its two ChaCha20 names lack the {@code _SHA256} that current Go writes:
     * configurations written for it keep working.
     */
    private static final List<String> CIPHERS_2_9_10 = List.of(
            "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
            "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    /** nats-server 2.9.10's {@code curvePreferenceMap}. */
    private static final List<String> CURVES_2_9_10 = List.of("X25519", "CurveP256", "CurveP384", "CurveP521");

    private static final Set<String> CURVES = Set.of(
            "SecP384r1MLKEM1024", "SecP256r1MLKEM768", "X25519MLKEM768", "X25519", "CurveP256", "CurveP384",
            "CurveP521");

    private static final Set<String> CERT_STORES = Set.of("windowscurrentuser", "windowslocalmachine");
    private static final Set<String> CERT_MATCH_BY = Set.of("issuer", "subject", "thumbprint");

    private GoTls() {
    }

    /** Every cipher suite name, secure and insecure, sorted. */
    static Set<String> ciphers() {
        Set<String> all = new java.util.TreeSet<>(SECURE_CIPHERS);
        all.addAll(INSECURE_CIPHERS);
        return all;
    }

    /** Every curve name, sorted. */
    static Set<String> curves() {
        return new java.util.TreeSet<>(CURVES);
    }

    /** What nats-server 2.9.10's {@code --help_tls} lists as cipher suites. */
    static List<String> helpCiphers() {
        return CIPHERS_2_9_10;
    }

    /** What nats-server 2.9.10's {@code --help_tls} lists as curve preferences. */
    static List<String> helpCurves() {
        return CURVES_2_9_10;
    }

    static boolean isCipher(String name) {
        return SECURE_CIPHERS.contains(name) || INSECURE_CIPHERS.contains(name) || CIPHERS_2_9_10.contains(name);
    }

    static boolean isInsecureCipher(String name) {
        return INSECURE_CIPHERS.contains(name);
    }

    static boolean isCurve(String name) {
        return CURVES.contains(name);
    }

    static boolean isCertMatchBy(String name) {
        return CERT_MATCH_BY.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Null when the store can be used here; the Windows stores exist only on Windows. */
    static String certStoreProblem(String store) {
        if (!CERT_STORES.contains(store.toLowerCase(Locale.ROOT))) {
            return "cert store type not implemented";
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return "cert_store not compatible with current operating system";
        }
        return null;
    }

    /** Null for 1.2 and 1.3; nats-server refuses older versions and unknown ones. */
    static String minVersionProblem(String version) {
        return switch (version) {
            case "1.2", "1.3" -> null;
            case "1.0", "1.1" -> "unsupported TLS version: TLS " + version;
            default -> "unknown version: " + version;
        };
    }
}
