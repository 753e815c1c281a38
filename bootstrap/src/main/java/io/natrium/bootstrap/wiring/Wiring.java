package io.natrium.bootstrap.wiring;

import io.natrium.application.port.out.ConfigurationObserver;
import io.natrium.application.port.out.ConfigurationSource;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.settings.ServerSettings;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;

/**
 * Builds the injector: explicit bindings only, production stage, so a wiring mistake fails at start; and cheap, since
 * it is on the path to the first client: Guice generates no classes (its fast-class bytecode for {@code @Provides}
 * methods is slower to make than the one reflective call per provider it saves, and on Java 24 and newer its class
 * definer calls {@code sun.misc.Unsafe}, which prints a warning on standard error) and records no stack traces for
 * its bindings (error messages still name the module's method). Both are Guice's own switches, set unless the JVM was
 * given them.
 */
public final class Wiring {

    private static final String BYTECODE_GENERATION = "guice_bytecode_gen_option";
    private static final String STACK_TRACES = "guice_include_stack_traces";

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
        return injector(settings, source, observer, clientTransport, null);
    }

    /** The same wiring with the server's identity given ({@code null}: a new one, as the settings ask). */
    public static Injector injector(ServerSettings settings, ConfigurationSource source,
            ConfigurationObserver observer, Module clientTransport, ServerIdentity identity) {
        cheapGuice();
        String basePath = settings.monitoring().basePath();
        return Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings(),
                new ApplicationModule(settings, identity), new ConfigurationModule(source, observer), new ProtocolModule(),
                clientTransport, new WebsocketModule(), new MqttModule(),
                new MonitorModule(basePath == null ? "" : basePath), new SealingModule(), new OcspPeerModule());
    }

    /** Before Guice's first class is initialised: it reads its switches once. */
    private static void cheapGuice() {
        if (System.getProperty(BYTECODE_GENERATION) == null) {
            System.setProperty(BYTECODE_GENERATION, "DISABLED");
        }
        if (System.getProperty(STACK_TRACES) == null) {
            System.setProperty(STACK_TRACES, "OFF");
        }
    }
}
