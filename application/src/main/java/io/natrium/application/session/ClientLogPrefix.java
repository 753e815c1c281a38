package io.natrium.application.session;

import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.text.GoStrings;

/**
 * nats-server's log prefix of a client, {@code 127.0.0.1:54321 - cid:5}, to which the first CONNECT adds the client's
 * version, language and name as it gave them: {@code 127.0.0.1:54321 - cid:5 - "v2.24.1:java:app"}.
 *
 * <p>Built only when something is logged or traced for the client: a client that connects and leaves without a log
 * line costs no text (it was some 600 bytes of strings per connection). Other threads read it when they trace a
 * delivery to this client: the parts it is built from are final or published through the volatile description, and
 * the text is cached with the description it was built from, so a race builds the same text twice at worst.
 */
final class ClientLogPrefix {

    private final String host;
    private final int port;
    private final long id;
    private final ConnectionType type;
    private final String forwardedFor;
    /** What the first CONNECT said about the client; null before it. */
    private volatile Description description;
    private volatile Built built;

    ClientLogPrefix(String host, int port, long id) {
        this(host, port, id, ConnectionType.STANDARD, null);
    }

    /**
     * nats-server names a WebSocket client {@code wid:} and an MQTT client {@code mid:} rather than {@code cid:}, and
     * puts the address a proxy reported ({@code X-Forwarded-For}, null for none) before the socket's:
     * {@code 10.0.0.7/127.0.0.1:54321 - wid:5}.
     */
    ClientLogPrefix(String host, int port, long id, ConnectionType type, String forwardedFor) {
        this.host = host;
        this.port = port;
        this.id = id;
        this.type = type;
        this.forwardedFor = forwardedFor;
    }

    /** Adds what the client says about itself; called once, at its first CONNECT. */
    void describe(ClientOptions options) {
        description = new Description(options.version, options.lang, options.name);
    }

    private String build(Description given) {
        String socket = hostAndPort(host, port);
        String address = forwardedFor == null ? socket
                : (forwardedFor.indexOf(':') >= 0 ? "[" + forwardedFor + "]" : forwardedFor) + "/" + socket;
        String kind = switch (type) {
            case WEBSOCKET -> " - wid:";
            case MQTT -> " - mid:";
            case MQTT_WS -> " - mid_ws:";
            default -> " - cid:";
        };
        return address + kind + id + (given == null ? "" : given.text());
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

    /**
     * Go's {@code host:port}: an IPv6 host goes in brackets. A client with no host came in-process, and nats-server
     * names it by its {@code net.Pipe} address, {@code pipe}.
     */
    private static String hostAndPort(String host, int port) {
        if (host.isEmpty()) {
            return "pipe";
        }
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        Description given = description;
        Built cached = built;
        if (cached != null && cached.from() == given) {
            return cached.text();
        }
        String text = build(given);
        built = new Built(given, text);
        return text;
    }

    /** The client's version, language and name as its first CONNECT gave them. */
    private record Description(String version, String lang, String name) {

        /**
         * What nats-server adds to the log prefix at the first CONNECT: {@code v<version>:<lang>:<name>}, each part
         * only when given, quoted; nothing when none is given.
         */
        String text() {
            StringBuilder description = new StringBuilder();
            if (!version.isEmpty()) {
                description.append('v').append(version);
            }
            for (String part : new String[] {lang, name}) {
                if (!part.isEmpty()) {
                    description.append(description.length() > 0 ? ":" : "").append(part);
                }
            }
            return description.length() == 0 ? "" : " - " + GoStrings.quote(description.toString());
        }
    }

    /** A built prefix and the description it was built with. */
    private record Built(Description from, String text) {
    }
}
