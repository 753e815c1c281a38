package io.natrium.application.account.archfixture;

import io.natrium.application.server.ServerContext;

/** Deliberately bad: account state reaching up into the server's shared state. */
public final class AccountReachingServer {

    public int clients(ServerContext server) {
        return server.clients().size();
    }
}
