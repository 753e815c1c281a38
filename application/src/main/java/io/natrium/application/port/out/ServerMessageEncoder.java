package io.natrium.application.port.out;

/**
 * Writes what the server itself publishes as nats-server writes it, its Go structs through {@code encoding/json}:
 * fields in the structs' order, {@code omitempty} honoured, Go's forms of strings and times. JSON is a wire format,
 * which adapters own; the application hands over values.
 */
public interface ServerMessageEncoder {

    /** For servers that publish nothing of their own, such as most tests': it refuses to write anything. */
    ServerMessageEncoder NONE = new None();

    /** The client as {@code ClientInfo} JSON, the value of a request's {@code Nats-Request-Info} header. */
    String clientInfo(ClientInfo client);

    /** The payload of a latency report. */
    byte[] serviceLatency(ServiceLatencyReport report);

    /** The encoder that refuses: a server that needs one was built without it. */
    record None() implements ServerMessageEncoder {

        @Override
        public String clientInfo(ClientInfo client) {
            throw unwired();
        }

        @Override
        public byte[] serviceLatency(ServiceLatencyReport report) {
            throw unwired();
        }

        private static IllegalStateException unwired() {
            return new IllegalStateException("this server was built without a ServerMessageEncoder");
        }
    }
}
