package io.natrium.bootstrap.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.List;

/**
 * Configures Logback without XML, found through {@code ServiceLoader} when Logback starts: installs the output and
 * levels that {@link Logging#apply} chose, or the defaults when nothing was applied. In an application that embeds
 * Natrium and configures Logback itself ({@code logback-test.xml}, {@code logback.xml} or the
 * {@code logback.configurationFile} property), that configuration is read instead, as it would be without Natrium.
 */
public final class NatsLogConfigurator extends ContextAwareBase implements Configurator {

    private static final List<String> HOST_FILES = List.of("logback-test.xml", "logback.xml");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (hostConfigured() && Logging.leaveToHost(context)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Logging.install(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean hostConfigured() {
        if (System.getProperty("logback.configurationFile") != null) {
            return true;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = NatsLogConfigurator.class.getClassLoader();
        return HOST_FILES.stream().anyMatch(file -> context != null && context.getResource(file) != null
                || own != null && own.getResource(file) != null);
    }
}
