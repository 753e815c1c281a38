package io.natrium.bootstrap.wiring;

import io.natrium.application.settings.ServerSettings;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;

/** Builds the injector: explicit bindings only, production stage, so a wiring mistake fails at start. */
public final class Wiring {

    private Wiring() {
    }

    public static Injector injector(ServerSettings settings) {
        return injector(settings, "");
    }

    /** @param monitorBasePath the monitoring server's {@code http_base_path}, empty for the root */
    public static Injector injector(ServerSettings settings, String monitorBasePath) {
        return Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings(),
                new ApplicationModule(settings), new TcpModule(), new MonitorModule(monitorBasePath));
    }
}
