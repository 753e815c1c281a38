package io.natrium.adapter.config;

import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.TlsSettings;

/**
 * Loads the certificates and keys a client port's {@code tls} block (or the TLS flags) names, as the server will
 * when it starts: nats-server reads them while parsing the configuration, so a missing or broken file fails the
 * start, {@code -t} and a reload with the position of the {@code tls} key. The configuration adapter does not know
 * how; bootstrap gives it the TLS adapter's check.
 */
@FunctionalInterface
public interface TlsFilesCheck {

    /** No check: for the tools that read a configuration without serving it. */
    TlsFilesCheck NONE = tls -> null;

    /** Null when the files are usable, otherwise nats-server's error text for them. */
    String problem(TlsSettings tls);

    /**
     * What stops the start for OCSP stapling of the client port's certificate, as nats-server decides it when the
     * server is created (no position); null when nothing does or the TLS files are unusable (reported by
     * {@link #problem}).
     */
    default OcspProblem ocspProblem(TlsSettings tls, OcspSettings ocsp) {
        return null;
    }

    /** nats-server's warning about OCSP stapling of the client port's certificate, logged at start; null for none. */
    default String ocspWarning(TlsSettings tls, OcspSettings ocsp) {
        return null;
    }

    /**
     * @param text    the error line
     * @param refusal a feature Natrium lacks, rather than a configuration nats-server refuses too
     */
    record OcspProblem(String text, boolean refusal) {
    }
}
