package io.natrium.application.port;

/**
 * The steps of a client connection's TLS handshake, which the transport reports to the session so that it logs them
 * with the client's prefix, records what was agreed for monitoring, and closes as nats-server does on failure.
 */
public sealed interface TlsHandshake {

    /** The server is waiting for the client's hello. */
    record Started() implements TlsHandshake {
    }

    /** The handshake finished; the connection is now encrypted. */
    record Completed(TlsState state) implements TlsHandshake {
    }

    /**
     * The handshake failed or timed out.
     *
     * @param error Go's error text for it, e.g. {@code tls: first record does not look like a TLS handshake}
     */
    record Failed(String error) implements TlsHandshake {
    }

    /** {@code connection_rate_limit} allows no more handshakes this second: the client is turned away, in clear. */
    record Throttled() implements TlsHandshake {
    }
}
