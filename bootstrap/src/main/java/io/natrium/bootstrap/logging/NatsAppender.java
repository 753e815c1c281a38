package io.natrium.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * The one appender on the root logger: hands each event to the current {@link LogOutput}. Logback calls
 * {@link #doAppend} under this appender's lock, and the output is switched and reopened under the same lock, so a
 * line logged while the output changes goes to the old output or the new one, never to neither.
 */
final class NatsAppender extends AppenderBase<ILoggingEvent> {

    private LogOutput output;

    NatsAppender(LogOutput output) {
        this.output = output;
    }

    @Override
    protected void append(ILoggingEvent event) {
        LogLevel level = FatalLog.isFatal(event) ? LogLevel.FATAL : level(event.getLevel());
        output.write(new LogEntry(level, event.getInstant(), event.getFormattedMessage(),
                stackTrace(event.getThrowableProxy())));
    }

    /** Makes {@code next} the output and returns the one it replaces, which the caller closes. */
    synchronized LogOutput switchTo(LogOutput next) {
        LogOutput previous = output;
        output = next;
        return previous;
    }

    /** Reopens the output's file; false when it is not a file. */
    synchronized boolean reopen() {
        return output.reopen();
    }

    @Override
    public synchronized void stop() {
        super.stop();
        output.close();
    }

    private static LogLevel level(Level level) {
        return switch (level.toInt()) {
            case Level.TRACE_INT -> LogLevel.TRACE;
            case Level.DEBUG_INT -> LogLevel.DEBUG;
            case Level.WARN_INT -> LogLevel.WARN;
            case Level.ERROR_INT -> LogLevel.ERROR;
            default -> LogLevel.INFO;
        };
    }

    private static String stackTrace(IThrowableProxy thrown) {
        if (thrown == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(512);
        for (IThrowableProxy cause = thrown; cause != null; cause = cause.getCause()) {
            text.append(cause.getClassName()).append(": ").append(cause.getMessage()).append('\n');
            for (StackTraceElementProxy frame : cause.getStackTraceElementProxyArray()) {
                text.append("\tat ").append(frame.getStackTraceElement()).append('\n');
            }
        }
        return text.toString();
    }
}
