package io.natrium.bootstrap.wiring;

import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.in.ServerLifecycleUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.ServerMessageEncoder;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.service.ConnectClientService;
import io.natrium.application.service.ServerLifecycleService;
import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.logging.Logging;
import io.natrium.domain.auth.PasswordVerifier;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** The application: its shared server context and the use-case services. */
public final class ApplicationModule extends AbstractModule {

    private final ServerSettings settings;
    /** Given when clients were already told it (greeted while the server was starting); null: made here. */
    private final ServerIdentity given;

    public ApplicationModule(ServerSettings settings) {
        this(settings, null);
    }

    public ApplicationModule(ServerSettings settings, ServerIdentity given) {
        this.settings = settings;
        this.given = given;
    }

    @Override
    protected void configure() {
        bind(ServerSettings.class).toInstance(settings);
    }

    @Provides
    @Singleton
    ServerIdentity identity(ServerSettings serverSettings) {
        boolean signs = serverSettings.authorization().callout() != null || serverSettings.operator().enabled();
        if (given != null && !signs) {
            return given;
        }
        // Only auth callout signs (its requests); a reload cannot add a configured callout, so the key is decided at
        // start; in operator mode an account JWT may bring a callout at any time, so that server always signs.
        return signs ? ServerIdentity.generateSigning(serverSettings.serverName())
                : ServerIdentity.generate(serverSettings.serverName());
    }

    /** Protocol tracing ({@code -V}): the sessions trace what they decide, the transport what it reads and writes. */
    @Provides
    ProtocolTracer protocolTracer() {
        return Logging.protocolTracer();
    }

    @Provides
    @Singleton
    ServerContext serverContext(ServerSettings serverSettings, ServerIdentity identity, ProtocolTracer tracer,
            PasswordVerifier passwords, ServerMessageEncoder messages) {
        return new ServerContext(serverSettings, identity, SublistSweeper.create(), tracer, passwords,
                AuthenticationExecutor.create(), messages);
    }

    @Provides
    @Singleton
    ConnectClientUseCase connectClient(ServerContext context) {
        return new ConnectClientService(context);
    }

    @Provides
    @Singleton
    ServerLifecycleUseCase serverLifecycle(ServerContext context) {
        return new ServerLifecycleService(context);
    }
}
