package io.natrium.application.session;

import java.time.Instant;

/**
 * A client described as nats-server's {@code ClientInfo} JSON, in the request info a service import adds and in
 * latency reports: only account and round-trip time unless the import shares the requester's details. Empty fields
 * are left out, as Go's {@code omitempty} does.
 */
final class ClientInfoJson {

    private ClientInfoJson() {
    }

    /** The account and round-trip time only. */
    static String brief(String account, long rttNanos) {
        return "{\"acc\":" + GoJsonText.quote(account) + ",\"rtt\":" + rttNanos + "}";
    }

    /** Everything nats-server shares about a client connection. */
    static String full(ConnectionView client, String serverId) {
        ConnectDetails details = client.connectDetails();
        long elapsed = client.clockNanos() - client.startNanos();
        StringBuilder json = new StringBuilder("{\"start\":").append(GoJsonText.time(Instant.now().minusNanos(elapsed)))
                .append(",\"host\":").append(GoJsonText.quote(client.remoteHost()))
                .append(",\"id\":").append(client.id())
                .append(",\"acc\":").append(GoJsonText.quote(client.accountName()));
        optional(json, "user", client.authenticatedUser());
        optional(json, "name", details.name());
        optional(json, "lang", details.lang());
        optional(json, "ver", details.version());
        return json.append(",\"rtt\":").append(client.rttNanos())
                .append(",\"server\":").append(GoJsonText.quote(serverId))
                .append(",\"kind\":\"Client\",\"client_type\":\"nats\"}").toString();
    }

    private static void optional(StringBuilder json, String name, String value) {
        if (!value.isEmpty()) {
            json.append(",\"").append(name).append("\":").append(GoJsonText.quote(value));
        }
    }
}
