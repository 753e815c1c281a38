package io.natrium.application.port.out;

/**
 * Protocol tracing, nats-server's {@code -V}: while it is enabled, the transport and the session write one line per
 * operation a client sends ({@code <<- [PUB foo 5]}) or receives ({@code ->> [MSG foo 1 5]}). Callers check
 * {@link #enabled()} before they build a line, so tracing costs one boolean read per operation when it is off.
 *
 * <p>The switch can change while the server runs (a configuration reload); implementations make the change visible
 * to every thread.
 */
public interface ProtocolTracer {

    /** No tracing. */
    ProtocolTracer OFF = new Off();

    /** Whether protocol operations are traced now. */
    boolean enabled();

    /** {@code trace_headers}: a traced payload shows only the message's headers (none when it has none). */
    boolean headersOnly();

    /** {@code max_traced_msg_len}: traced payloads are cut to this many bytes and marked {@code ...}; 0 no limit. */
    int maxPayloadLength();

    /**
     * Writes one trace line: the client's log prefix ({@code 127.0.0.1:54321 - cid:5}, from its {@code toString()}),
     * then {@code " - "}, then {@code operation}.
     */
    void trace(Object client, String operation);

    /** The tracer that never traces. */
    record Off() implements ProtocolTracer {

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public boolean headersOnly() {
            return false;
        }

        @Override
        public int maxPayloadLength() {
            return 0;
        }

        @Override
        public void trace(Object client, String operation) {
            // Tracing is off.
        }
    }
}
