package io.natrium.bootstrap.wiring;

import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.ServerSettings;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * The in-memory transport in place of {@link TcpModule}: a whole server wired by the production modules, whose
 * clients connect through {@link #listener()} with no socket and no Netty, each on its own in-memory event loop.
 * Install it with {@code NatriumServer.create(settings, source, module)}.
 */
public final class InMemoryTransportModule extends AbstractModule {

    private InMemoryListener listener;

    /**
     * The client pending limit follows the settings a reload installs, as the TCP listener's outbound limits do.
     */
    @Provides
    @Singleton
    ClientListener clientListener(ServerSettings settings, ServerContext context, ConnectClientUseCase connectClient) {
        listener = new InMemoryListener(settings, () -> context.settings().maxPending(), connectClient);
        return listener;
    }

    /** Where clients connect; there once the server is wired. */
    public InMemoryListener listener() {
        if (listener == null) {
            throw new IllegalStateException("no server was wired with this module yet");
        }
        return listener;
    }
}
