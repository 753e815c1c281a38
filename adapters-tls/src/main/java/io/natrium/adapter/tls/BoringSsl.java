package io.natrium.adapter.tls;

import io.netty.handler.ssl.OpenSsl;

/**
 * Whether BoringSSL, through netty-tcnative and Netty's OpenSSL engine, serves here: the provider that staples an
 * OCSP response handed to it per connection (the JDK's server stapling fetches on its own and cannot be handed
 * nats-server's cached, refreshed response). The native library is shipped for Linux x86-64 only; elsewhere, or when
 * it cannot load, a staple cannot be sent and a configuration that needs one is refused.
 */
public final class BoringSsl {

    private BoringSsl() {
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
