package io.natrium.bootstrap.wiring;

import io.natrium.application.port.out.ConfigurationObserver;
import io.natrium.application.port.out.ConfigurationSource;
import io.natrium.application.settings.ServerSettings;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;

/** Builds the injector: explicit bindings only, production stage, so a wiring mistake fails at start. */
public final class Wiring {

    private Wiring() {
    }

    public static Injector injector(ServerSettings settings, ConfigurationSource source,
            ConfigurationObserver observer) {
        return injector(settings, source, observer, new TcpModule());
    }

    /**
     * The same wiring with {@code clientTransport} in place of {@link TcpModule}: a module that binds the
     * {@link ClientListener} (tests wire a whole server on an in-memory transport this way).
     */
    public static Injector injector(ServerSettings settings, ConfigurationSource source,
            ConfigurationObserver observer, Module clientTransport) {
        String basePath = settings.monitoring().basePath();
        return Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings(),
                new ApplicationModule(settings), new ConfigurationModule(source, observer), new ProtocolModule(),
                clientTransport, new WebsocketModule(), new MqttModule(),
                new MonitorModule(basePath == null ? "" : basePath));
    }
}
