package io.natrium.adapter.tls;

import io.netty.handler.ssl.OpenSsl;

/**
 * Whether BoringSSL, through netty-tcnative and Netty's OpenSSL engine, serves here: the TLS provider of every
 * listener where it loads, and the one that staples an OCSP response handed to it per connection (the JDK's server
 * stapling fetches on its own and cannot be handed nats-server's cached, refreshed response). The native library is
 * shipped for Linux x86-64 only; elsewhere, or when it cannot load, listeners fall back to JSSE, and a configuration
 * that needs a staple is refused.
 */
public final class BoringSsl {

    /** {@code -Dnatrium.tls.provider=jdk} keeps JSSE wherever nothing is stapled (the fallback, chosen). */
    static final String PROVIDER_PROPERTY = "natrium.tls.provider";

    private BoringSsl() {
    }

    /**
     * Whether listeners that staple nothing run on BoringSSL: where it loads, unless JSSE was asked for. Its full
     * handshake costs far less CPU than JSSE's (native X25519 and ECDSA; docs/benchmarks.md, "TLS providers").
     */
    public static boolean serves() {
        return !"jdk".equalsIgnoreCase(System.getProperty(PROVIDER_PROPERTY)) && OpenSsl.isAvailable();
    }

    /** Null when BoringSSL can staple here; otherwise why not, for the refusal. */
    public static String unavailability() {
        if (!OpenSsl.isAvailable()) {
            Throwable cause = OpenSsl.unavailabilityCause();
            return cause == null ? "unavailable" : cause.getMessage() == null ? cause.toString() : cause.getMessage();
        }
        if (!OpenSsl.isOcspSupported()) {
            return OpenSsl.versionString() + " does not staple OCSP responses";
        }
        return null;
    }
}
