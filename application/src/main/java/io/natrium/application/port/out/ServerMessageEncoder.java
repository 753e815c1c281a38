package io.natrium.application.port.out;

import java.util.List;

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

    /** A CONNECT, DISCONNECT or CLIENT.AUTH.ERR event. */
    byte[] clientEvent(ClientEvent event);

    /** An account's CONNS event. */
    byte[] accountConnections(AccountConnections event);

    /** An OCSP peer reject or link-invalid event. */
    byte[] ocspPeerEvent(OcspPeerEvent event);

    /** STATSZ: {@code {"server":…,"statsz":…}}. */
    byte[] serverStats(EventServer server, ServerStats stats);

    /** The server alone, as SHUTDOWN and LAMEDUCK carry it. */
    byte[] serverOnly(EventServer server);

    /** An account's connections request, nats-server's {@code accNumConnsReq}: {@code {"server":…,"acc":…}}. */
    byte[] accountConnectionsRequest(EventServer server, String account);

    /** IDZ's reply, nats-server's {@code ServerID}: {@code {"name":…,"host":…,"id":…}}, with no wrapping. */
    byte[] serverIdentity(String name, String host, String id);

    /** A bare number, as NSUBS answers. */
    byte[] count(long count);

    /**
     * A request service's reply ({@code ServerAPIResponse}): the server, then the data (JSON already written, null
     * for none) or an error with its HTTP-like code (0 for none).
     */
    byte[] apiResponse(EventServer server, String data, int errorCode, String errorDescription);

    /**
     * A claim service's reply (nats-server's {@code respondToUpdate}): code 200 with {@code text} as the message, or
     * an error code with {@code text} as the description; {@code account} null when the reply names none.
     */
    byte[] claimUpdate(EventServer server, String account, int code, String text);

    /** CLAIMS.LIST's reply: the accounts the resolver holds. */
    byte[] claimList(EventServer server, List<String> accounts);

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

        @Override
        public byte[] clientEvent(ClientEvent event) {
            throw unwired();
        }

        @Override
        public byte[] accountConnections(AccountConnections event) {
            throw unwired();
        }

        @Override
        public byte[] ocspPeerEvent(OcspPeerEvent event) {
            throw unwired();
        }

        @Override
        public byte[] serverStats(EventServer server, ServerStats stats) {
            throw unwired();
        }

        @Override
        public byte[] serverOnly(EventServer server) {
            throw unwired();
        }

        @Override
        public byte[] accountConnectionsRequest(EventServer server, String account) {
            throw unwired();
        }

        @Override
        public byte[] serverIdentity(String name, String host, String id) {
            throw unwired();
        }

        @Override
        public byte[] count(long count) {
            throw unwired();
        }

        @Override
        public byte[] apiResponse(EventServer server, String data, int errorCode, String errorDescription) {
            throw unwired();
        }

        @Override
        public byte[] claimUpdate(EventServer server, String account, int code, String text) {
            throw unwired();
        }

        @Override
        public byte[] claimList(EventServer server, List<String> accounts) {
            throw unwired();
        }

        private static IllegalStateException unwired() {
            return new IllegalStateException("this server was built without a ServerMessageEncoder");
        }
    }
}
