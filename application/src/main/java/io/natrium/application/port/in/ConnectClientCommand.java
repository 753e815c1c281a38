package io.natrium.application.port.in;

import io.natrium.application.port.out.SessionExecutor;

/**
 * A newly accepted connection.
 *
 * @param remoteHost the client's address as text
 * @param remotePort the client's port
 * @param executor   runs work on the connection's own thread
 */
public record ConnectClientCommand(String remoteHost, int remotePort, SessionExecutor executor) {
}
