package io.natrium.application.port.in;

import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.auth.ConnectionType;

/**
 * A newly accepted connection.
 *
 * @param remoteHost the client's address as text
 * @param remotePort the client's port
 * @param executor   runs work on the connection's own thread
 * @param transport  how the client came: users may be limited to some kinds ({@code allowed_connection_types}), and
 *                   monitoring shows it
 */
public record ConnectClientCommand(String remoteHost, int remotePort, SessionExecutor executor,
        ConnectionType transport) {
}
