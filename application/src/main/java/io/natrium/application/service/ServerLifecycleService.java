package io.natrium.application.service;

import io.natrium.application.port.in.ServerLifecycleUseCase;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.Sessions;

import java.util.List;

/** Lifecycle requests of the process: the bound address, lame-duck mode and closing clients at shutdown. */
public final class ServerLifecycleService implements ServerLifecycleUseCase {

    private final ServerContext server;

    public ServerLifecycleService(ServerContext server) {
        this.server = server;
    }

    @Override
    public void clientListenerBound(String host, int port) {
        server.clientListenerBound(host, port);
    }

    @Override
    public void announceLameDuckMode() {
        Sessions.enterLameDuckMode(server);
    }

    @Override
    public void beginShutdown() {
        Sessions.beginShutdown(server);
    }

    @Override
    public List<Long> openClientIds() {
        return Sessions.openClientIds(server);
    }

    @Override
    public void closeClient(long clientId) {
        Sessions.closeForShutdown(server, clientId);
    }
}
