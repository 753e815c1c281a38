package io.natrium.application.service;

import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectClientCommand;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.Sessions;

/** Accepts client connections: a new session per connection, greeted with INFO. */
public final class ConnectClientService implements ConnectClientUseCase {

    private final ServerContext server;

    public ConnectClientService(ServerContext server) {
        this.server = server;
    }

    @Override
    public ClientSession connect(ConnectClientCommand command, ClientOutbound outbound) {
        return Sessions.open(server, command, outbound);
    }
}
