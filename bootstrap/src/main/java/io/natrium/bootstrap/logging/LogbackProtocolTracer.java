package io.natrium.bootstrap.logging;

import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.LoggingSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protocol tracing into the log, as {@code [TRC]} lines of the trace logger. The switch and its options are plain
 * volatile fields, so the transport's per-operation check is a single read; {@link LogControl} sets them together
 * with the trace logger's level.
 */
final class LogbackProtocolTracer implements ProtocolTracer {

    /** The logger trace lines are written to; only its level decides whether they are, not the root's. */
    static final String LOGGER = "io.natrium.trace";

    private volatile boolean enabled;
    private volatile boolean headersOnly;
    private volatile int maxPayloadLength;
    private volatile Logger logger;

    void update(LoggingSettings settings) {
        headersOnly = settings.traceHeaders();
        maxPayloadLength = Math.max(0, settings.maxTracedMsgLen());
        enabled = settings.trace();
    }

    void attach(Logger traceLogger) {
        logger = traceLogger;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean headersOnly() {
        return headersOnly;
    }

    @Override
    public int maxPayloadLength() {
        return maxPayloadLength;
    }

    @Override
    public void trace(Object client, String operation) {
        Logger current = logger;
        if (current == null) {
            // Tracing was switched on before anything logged; starting the logging attaches the logger.
            current = LoggerFactory.getLogger(LOGGER);
        }
        current.trace("{} - {}", client, operation);
    }
}
