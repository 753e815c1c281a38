package io.natrium.adapter.protocol;

import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;

/**
 * How a connection reached the protocol handler: what the transport learned before the NATS protocol started.
 *
 * @param type         the connection type ({@code STANDARD} for plain TCP, {@code WEBSOCKET})
 * @param cookies      credentials found outside CONNECT (WebSocket cookies); {@link ClientCredentials#none()}
 * @param forwardedFor the client's address as a proxy reported it; null for none
 * @param greeting     the INFO the client was already sent while the server was starting; null for none
 */
public record ClientOrigin(ConnectionType type, ClientCredentials cookies, String forwardedFor, ServerInfo greeting) {

    /** A plain TCP client. */
    public static final ClientOrigin STANDARD = new ClientOrigin(ConnectionType.STANDARD, ClientCredentials.none(),
            null);

    /** A client that brings no INFO already sent. */
    public ClientOrigin(ConnectionType type, ClientCredentials cookies, String forwardedFor) {
        this(type, cookies, forwardedFor, null);
    }

    /** A plain TCP client greeted with {@code greeting} while the server was starting. */
    public static ClientOrigin greetedWith(ServerInfo greeting) {
        return new ClientOrigin(ConnectionType.STANDARD, ClientCredentials.none(), null, greeting);
    }
}
