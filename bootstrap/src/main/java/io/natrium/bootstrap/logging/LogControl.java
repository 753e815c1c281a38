package io.natrium.bootstrap.logging;

import io.natrium.application.settings.LoggingSettings;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

/**
 * nats-server's logging on one Logback context: one appender writing to the current {@link LogOutput}, the root at
 * INFO or DEBUG ({@code -D}), and the trace logger at TRACE ({@code -V}) or off, independently of the root, as
 * nats-server's debug and trace flags are independent. Settings and output can be switched while the server runs.
 */
final class LogControl {

    private final NatsAppender appender;
    private final Logger root;
    private final Logger traceLogger;
    private final Logger notices;
    private final LogbackProtocolTracer tracer;

    LogControl(LoggerContext context, LogbackProtocolTracer tracer, LogOutput output) {
        this.tracer = tracer;
        this.root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        this.traceLogger = context.getLogger(LogbackProtocolTracer.LOGGER);
        this.notices = context.getLogger(Logging.class);
        appender = new NatsAppender(output);
        appender.setContext(context);
        appender.setName("natrium");
        appender.start();
        root.addAppender(appender);
        // Libraries never log below these levels, whatever -D and -V say.
        context.getLogger("io.netty").setLevel(Level.INFO);
        context.getLogger("com.google.inject").setLevel(Level.WARN);
        tracer.attach(traceLogger);
    }

    /**
     * Switches to {@code settings} and {@code output} (already opened) and closes the previous output.
     *
     * @param rootLevel the root level; null for nats-server's (DEBUG with {@code -D}, else INFO)
     */
    void apply(LoggingSettings settings, LogOutput output, Level rootLevel) {
        if (!settings.trace()) {
            tracer.update(settings);
        }
        LogOutput previous = appender.switchTo(output);
        root.setLevel(rootLevel != null ? rootLevel : settings.debug() ? Level.DEBUG : Level.INFO);
        traceLogger.setLevel(settings.trace() ? Level.TRACE : Level.OFF);
        tracer.update(settings);
        if (previous != output) {
            previous.close();
        }
    }

    /** SIGUSR1: reopens the log file, and says so in it, as nats-server does. */
    void reopen() {
        if (appender.reopen()) {
            notices.info("File log re-opened");
        } else {
            notices.info("File log re-open ignored, not a file logger");
        }
    }
}
