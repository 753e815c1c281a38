package io.natrium.application.port.out;

import java.time.Instant;

/**
 * A client as nats-server's {@code ClientInfo} describes it to services: in the {@code Nats-Request-Info} header a
 * service import adds to a request, and as requester and responder in latency reports. Without sharing, only the
 * account and the round-trip time ({@link #brief}). Null, empty and zero values are left out of the JSON, as Go's
 * {@code omitempty} leaves them out.
 *
 * @param start      when the client connected; null in the brief form
 * @param host       the client's address
 * @param id         the client's connection id
 * @param account    the client's account, always written
 * @param user       the user it authenticated as
 * @param name       its CONNECT name
 * @param lang       its library's language
 * @param version    its library's version
 * @param rttNanos   its round-trip time
 * @param server     the id of the server it is connected to
 * @param kind       nats-server's kind of connection ({@code Client})
 * @param clientType nats-server's type of client ({@code nats})
 * @param stop       when the client closed; null while it is open
 */
public record ClientInfo(
        Instant start,
        String host,
        long id,
        String account,
        String user,
        String name,
        String lang,
        String version,
        long rttNanos,
        String server,
        String kind,
        String clientType,
        Instant stop) {

    /** Without a stop time, as a client still connected is described. */
    public ClientInfo(Instant start, String host, long id, String account, String user, String name, String lang,
            String version, long rttNanos, String server, String kind, String clientType) {
        this(start, host, id, account, user, name, lang, version, rttNanos, server, kind, clientType, null);
    }

    /** The same client, closed at {@code value}. */
    public ClientInfo stoppedAt(Instant value) {
        return new ClientInfo(start, host, id, account, user, name, lang, version, rttNanos, server, kind, clientType,
                value);
    }

    /** What a service learns of a requester when the import does not share its details. */
    public static ClientInfo brief(String account, long rttNanos) {
        return new ClientInfo(null, null, 0, account, null, null, null, null, rttNanos, null, null, null);
    }
}
