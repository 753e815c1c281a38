package io.natrium.adapter.tls;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's cipher suite names as they meet JSSE's. The names are IANA's in both, except that nats-server 2.9.10 wrote
 * the ChaCha20 suites without their {@code _SHA256} (current Go writes them in full; both are accepted) and JSSE
 * still knows the old 3DES suite by its SSL name.
 */
final class GoCipherSuites {

    /** TLS 1.3 suites, in Go's order; Go does not let a configuration change them. */
    static final List<String> TLS13 = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    /** nats-server's {@code defaultCipherSuites()} (2.9.10): ECDHE with AEAD only. */
    static final List<String> DEFAULT_TLS12 = List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

    private static final String CHACHA = "_CHACHA20_POLY1305";

    private GoCipherSuites() {
    }

    /**
     * The suites to enable for a {@code cipher_suites} list (empty for nats-server's defaults): the TLS 1.3 suites
     * first, which Go always keeps, then the configured ones in their order, by their JSSE names.
     */
    static List<String> enabled(List<String> configured) {
        List<String> suites = new ArrayList<>(TLS13);
        if (configured.isEmpty()) {
            suites.addAll(DEFAULT_TLS12);
            return suites;
        }
        for (String name : configured) {
            String jsse = jsseName(name);
            if (!suites.contains(jsse)) {
                suites.add(jsse);
            }
        }
        return suites;
    }

    static String jsseName(String goName) {
        if (goName.endsWith(CHACHA) && goName.startsWith("TLS_ECDHE_")) {
            return goName + "_SHA256";
        }
        return goName;
    }

    /** The name nats-server 2.9.10 shows in /connz and its logs for a suite JSSE negotiated. */
    static String goName(String jsseName) {
        if (jsseName.startsWith("TLS_ECDHE_") && jsseName.endsWith(CHACHA + "_SHA256")) {
            return jsseName.substring(0, jsseName.length() - "_SHA256".length());
        }
        if (jsseName.startsWith("SSL_")) {
            return "TLS_" + jsseName.substring("SSL_".length());
        }
        return jsseName;
    }
}
