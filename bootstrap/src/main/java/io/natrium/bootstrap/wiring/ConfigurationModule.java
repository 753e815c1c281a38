package io.natrium.bootstrap.wiring;

import io.natrium.adapter.config.secret.BcryptPasswordVerifier;
import io.natrium.application.port.in.ReloadUseCase;
import io.natrium.application.port.out.ConfigurationObserver;
import io.natrium.application.port.out.ConfigurationSource;
import io.natrium.application.server.ServerContext;
import io.natrium.application.service.ReloadService;
import io.natrium.domain.auth.PasswordVerifier;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** Where settings come from on reload, and who hears about reloaded settings outside the application. */
public final class ConfigurationModule extends AbstractModule {

    private final ConfigurationSource source;
    private final ConfigurationObserver observer;

    public ConfigurationModule(ConfigurationSource source, ConfigurationObserver observer) {
        this.source = source;
        this.observer = observer;
    }

    @Override
    protected void configure() {
        bind(ConfigurationSource.class).toInstance(source);
        bind(ConfigurationObserver.class).toInstance(observer);
    }

    /** bcrypt comes from a library, which only an adapter may use. */
    @Provides
    @Singleton
    PasswordVerifier passwordVerifier() {
        return new BcryptPasswordVerifier();
    }

    @Provides
    @Singleton
    ReloadUseCase reload(ServerContext context, ConfigurationSource configurationSource,
            ConfigurationObserver configurationObserver) {
        return new ReloadService(context, configurationSource, configurationObserver);
    }
}
