package io.natrium.adapter.tls;

/**
 * The TLS configuration cannot be put in force: a file is missing or does not hold what it should. The message is
 * nats-server's for the same problem (e.g. {@code error parsing X509 certificate/key pair: open x.pem: no such file
 * or directory}), so that the start fails with the words an operator already knows.
 */
public final class TlsSetupException extends Exception {

    private static final long serialVersionUID = 1L;

    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
