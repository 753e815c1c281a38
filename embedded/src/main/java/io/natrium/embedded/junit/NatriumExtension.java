package io.natrium.embedded.junit;

import io.natrium.embedded.NatriumServer;
import io.natrium.embedded.jnats.InProcessNats;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the servers {@link Natrium} asks for and resolves the parameters it offers. Everything it starts goes into
 * the JUnit store of the scope it belongs to (the class, or the test), which JUnit closes when the scope ends,
 * whatever the outcome: connections first, then the server.
 */
public final class NatriumExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            NatriumExtension.class);
    private static final String SERVER = "server";
    /**
     * jnats's default of 2 s is too short for the first connection of a test JVM on a busy machine (classes loaded
     * and compiled on both sides of it: 2-3 s seen on a loaded 2-core machine, over TCP and in-process alike).
     */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<Natrium> onClass = classAnnotation(context);
        if (onClass.isPresent() && !onClass.get().perMethod()) {
            start(context, onClass.get());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<Natrium> onMethod = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, Natrium.class));
        if (onMethod.isPresent()) {
            start(context, onMethod.get());
            return;
        }
        Optional<Natrium> onClass = classAnnotation(context);
        if (onClass.isPresent() && onClass.get().perMethod()) {
            start(context, onClass.get());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == NatriumServer.class || type == Connection.class
                || type == String.class && parameter.isAnnotated(NatsUrl.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningServer running = running(context, parameter.getParameter());
        Class<?> type = parameter.getParameter().getType();
        boolean inProcess = parameter.isAnnotated(InProcess.class);
        if (type == NatriumServer.class) {
            return running.server();
        }
        if (type == String.class) {
            return inProcess ? running.server().inProcessUrl() : running.server().clientUrl();
        }
        Connection connection = connect(running, inProcess, parameter.getParameter());
        context.getStore(NAMESPACE).put(new Object(), new ClosedWithScope(connection));
        return connection;
    }

    private static void start(ExtensionContext context, Natrium natrium) {
        NatriumServer.Builder builder = NatriumServer.builder();
        if (!natrium.configResource().isEmpty()) {
            builder.configResource(natrium.configResource());
        } else {
            builder.config(natrium.config());
        }
        if (natrium.monitoring()) {
            builder.monitoring();
        }
        if (!natrium.serverName().isEmpty()) {
            builder.serverName(natrium.serverName());
        }
        if (!natrium.user().isEmpty()) {
            builder.user(natrium.user(), natrium.password());
        }
        NatriumServer server = builder.start();
        context.getStore(NAMESPACE).put(SERVER, new RunningServer(server, natrium));
    }

    private static RunningServer running(ExtensionContext context, Parameter parameter) {
        RunningServer running = context.getStore(NAMESPACE).get(SERVER, RunningServer.class);
        if (running == null) {
            throw new ParameterResolutionException("no Natrium server runs for " + parameter + " in "
                    + context.getDisplayName() + ": annotate the class or the method with @Natrium (a per-method "
                    + "server does not exist yet in @BeforeAll)");
        }
        return running;
    }

    private static Connection connect(RunningServer running, boolean inProcess, AnnotatedElement parameter) {
        Options.Builder options = inProcess ? InProcessNats.options(running.server())
                : new Options.Builder().server(running.server().clientUrl());
        options.connectionTimeout(CONNECT_TIMEOUT);
        if (!running.natrium().user().isEmpty()) {
            options.userInfo(running.natrium().user(), running.natrium().password());
        }
        try {
            return Nats.connect(options.build());
        } catch (IOException e) {
            throw new ParameterResolutionException("could not connect " + parameter + " to the Natrium server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParameterResolutionException("interrupted while connecting " + parameter, e);
        }
    }

    private static Optional<Natrium> classAnnotation(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        if (testClass.isEmpty()) {
            return Optional.empty();
        }
        return AnnotationSupport.findAnnotation(testClass.get(), Natrium.class);
    }

    // CloseableResource for JUnit before 5.13, which does not close AutoCloseable values by itself.
    /** A server and the annotation it was started for, closed with the scope that started it. */
    @SuppressWarnings("deprecation")
    private record RunningServer(NatriumServer server, Natrium natrium) implements AutoCloseable,
            ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            server.close();
        }
    }

    /** A connection the extension opened, closed with the scope it was injected into. */
    @SuppressWarnings("deprecation")
    private record ClosedWithScope(Connection connection) implements AutoCloseable,
            ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws InterruptedException {
            connection.close();
        }
    }
}
