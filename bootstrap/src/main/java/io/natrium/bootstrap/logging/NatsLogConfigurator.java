package io.natrium.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Configures Logback without XML, found through {@code ServiceLoader}: one appender on standard error with
 * nats-server's line format, at the level {@code LoggingSetup} chose through system properties.
 */
public final class NatsLogConfigurator extends ContextAwareBase implements Configurator {

    /** System property with the root level name (INFO, DEBUG, TRACE). */
    public static final String LEVEL_PROPERTY = "natrium.log.level";
    /** System property: "false" leaves timestamps out. */
    public static final String TIME_PROPERTY = "natrium.log.time";
    /** System property: "true" writes timestamps in UTC. */
    public static final String UTC_PROPERTY = "natrium.log.utc";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        NatsLayout layout = new NatsLayout(ProcessHandle.current().pid(),
                !"false".equals(System.getProperty(TIME_PROPERTY)),
                Boolean.getBoolean(UTC_PROPERTY));
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.INFO));
        root.addAppender(appender);
        context.getLogger("io.netty").setLevel(Level.INFO);
        context.getLogger("com.google.inject").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
