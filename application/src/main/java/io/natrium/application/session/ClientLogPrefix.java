package io.natrium.application.session;

import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.text.GoStrings;

/**
 * nats-server's log prefix of a client, {@code 127.0.0.1:54321 - cid:5}, to which the first CONNECT adds the client's
 * version, language and name as it gave them: {@code 127.0.0.1:54321 - cid:5 - "v2.24.1:java:app"}. Other threads read
 * it when they trace a delivery to this client, hence the volatile.
 */
final class ClientLogPrefix {

    private volatile String label;

    ClientLogPrefix(String host, int port, long id) {
        this(host, port, id, ConnectionType.STANDARD, null);
    }

    /**
     * nats-server names a WebSocket client {@code wid:} and an MQTT client {@code mid:} rather than {@code cid:}, and puts the address a proxy
     * reported ({@code X-Forwarded-For}, null for none) before the socket's: {@code 10.0.0.7/127.0.0.1:54321 - wid:5}.
     */
    ClientLogPrefix(String host, int port, long id, ConnectionType type, String forwardedFor) {
        String socket = hostAndPort(host, port);
        String address = forwardedFor == null ? socket
                : (forwardedFor.indexOf(':') >= 0 ? "[" + forwardedFor + "]" : forwardedFor) + "/" + socket;
        String kind = switch (type) {
            case WEBSOCKET -> " - wid:";
            case MQTT -> " - mid:";
            case MQTT_WS -> " - mid_ws:";
            default -> " - cid:";
        };
        this.label = address + kind + id;
    }

    /** Adds what the client says about itself; called once, at its first CONNECT. */
    void describe(ClientOptions options) {
        label = label + clientDescription(options);
    }

    /** nats-server's {@code getAuthUser}: how violations name the client in the log. */
    static String authUser(ClientOptions options) {
        if (!options.nkey.isEmpty()) {
            return "Nkey " + GoStrings.quote(options.nkey);
        }
        if (!options.user.isEmpty()) {
            return "User " + GoStrings.quote(options.user);
        }
        return "User \"N/A\"";
    }

    /** Go's {@code host:port}: an IPv6 host goes in brackets. */
    private static String hostAndPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * What nats-server adds to the log prefix at the first CONNECT: {@code v<version>:<lang>:<name>}, each part only
     * when given, quoted; nothing when none is given.
     */
    private static String clientDescription(ClientOptions options) {
        StringBuilder description = new StringBuilder();
        if (!options.version.isEmpty()) {
            description.append('v').append(options.version);
        }
        for (String part : new String[] {options.lang, options.name}) {
            if (!part.isEmpty()) {
                description.append(description.length() > 0 ? ":" : "").append(part);
            }
        }
        return description.length() == 0 ? "" : " - " + GoStrings.quote(description.toString());
    }

    @Override
    public String toString() {
        return label;
    }
}
