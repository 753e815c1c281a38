package io.natrium.adapter.tls;

import io.netty.handler.ssl.OpenSsl;

import java.util.concurrent.atomic.AtomicBoolean;

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
    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    private BoringSsl() {
    }

    /**
     * Whether listeners that staple nothing run on BoringSSL: where it loads, unless JSSE was asked for. Its full
     * handshake costs far less CPU than JSSE's (native X25519 and ECDSA; docs/benchmarks.md, "TLS providers").
     */
    public static boolean serves() {
        return !"jdk".equalsIgnoreCase(System.getProperty(PROVIDER_PROPERTY)) && OpenSsl.isAvailable();
    }

    /**
     * Loads BoringSSL on a thread of its own, once, so that the listener that needs it finds it ready: called when a
     * configuration turns out to have TLS, the ~0.4 s of CPU it costs (the native library, Netty's probes of it and
     * of the JDK's TLS) then runs beside the rest of the start on a second core. A listener asking meanwhile waits
     * for it (the JVM's class initialisation lock), so nothing is done twice.
     */
    public static void prepareInBackground() {
        if (PREPARING.compareAndSet(false, true)) {
            Thread thread = new Thread(BoringSsl::prepare, "natrium-tls-init");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void prepare() {
        try {
            serves();
        } catch (RuntimeException | LinkageError e) {
            // Netty records why BoringSSL cannot load; the listener that asks next reports it.
        }
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
