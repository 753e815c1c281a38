package io.natrium.adapter.protocol;

import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;

/**
 * How a connection reached the protocol handler: what the transport learned before the NATS protocol started.
 *
 * @param type         the connection type ({@code STANDARD} for plain TCP, {@code WEBSOCKET})
 * @param cookies      credentials found outside CONNECT (WebSocket cookies); {@link ClientCredentials#none()}
 * @param forwardedFor the client's address as a proxy reported it; null for none
 */
public record ClientOrigin(ConnectionType type, ClientCredentials cookies, String forwardedFor) {

    /** A plain TCP client. */
    public static final ClientOrigin STANDARD = new ClientOrigin(ConnectionType.STANDARD, ClientCredentials.none(),
            null);
}
