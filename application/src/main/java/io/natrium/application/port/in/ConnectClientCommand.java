package io.natrium.application.port.in;

import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;

/**
 * A newly accepted connection.
 *
 * @param remoteHost   the client's address as text
 * @param remotePort   the client's port
 * @param executor     runs work on the connection's own thread
 * @param transport    how the client came: users may be limited to some kinds ({@code allowed_connection_types}),
 *                     the WebSocket listener may have its own {@code authorization} and {@code no_auth_user}, and
 *                     monitoring shows it
 * @param cookies      credentials the transport found outside CONNECT (the WebSocket upgrade's cookies), each used
 *                     when CONNECT does not give its own; {@link ClientCredentials#none()} for none
 * @param forwardedFor the client's address as a proxy reported it ({@code X-Forwarded-For}), which the log prefix
 *                     shows before the socket's; null for none
 * @param greeting     the INFO the transport already sent this client, its id in it, while the server was still
 *                     starting; null when the application is to greet it
 */
public record ConnectClientCommand(String remoteHost, int remotePort, SessionExecutor executor,
        ConnectionType transport, ClientCredentials cookies, String forwardedFor, ServerInfo greeting) {

    public ConnectClientCommand {
        cookies = cookies == null ? ClientCredentials.none() : cookies;
    }

    /** A connection the application is to greet. */
    public ConnectClientCommand(String remoteHost, int remotePort, SessionExecutor executor,
            ConnectionType transport, ClientCredentials cookies, String forwardedFor) {
        this(remoteHost, remotePort, executor, transport, cookies, forwardedFor, null);
    }

    /** A connection that brings nothing but its socket. */
    public ConnectClientCommand(String remoteHost, int remotePort, SessionExecutor executor,
            ConnectionType transport) {
        this(remoteHost, remotePort, executor, transport, ClientCredentials.none(), null);
    }
}
