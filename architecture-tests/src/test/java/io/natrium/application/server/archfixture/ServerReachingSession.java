package io.natrium.application.server.archfixture;

import io.natrium.application.session.ClientConnection;

/** Deliberately bad: the server's shared state reaching into one connection's session. */
public final class ServerReachingSession {

    public boolean closed(ClientConnection connection) {
        return connection.isClosed();
    }
}
