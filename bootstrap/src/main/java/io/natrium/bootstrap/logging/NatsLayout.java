package io.natrium.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** nats-server's log line: {@code [pid] 2006/01/02 15:04:05.000000 [INF] message}. */
final class NatsLayout extends LayoutBase<ILoggingEvent> {

    private final String prefix;
    private final DateTimeFormatter time;

    NatsLayout(long pid, boolean withTime, boolean utc) {
        this.prefix = "[" + pid + "] ";
        ZoneId zone = utc ? ZoneOffset.UTC : ZoneId.systemDefault();
        this.time = withTime ? DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS ").withZone(zone) : null;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128).append(prefix);
        if (time != null) {
            time.formatTo(event.getInstant(), line);
        }
        line.append('[').append(abbreviation(event.getLevel())).append("] ").append(event.getFormattedMessage())
                .append('\n');
        IThrowableProxy thrown = event.getThrowableProxy();
        while (thrown != null) {
            line.append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append('\n');
            for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
                line.append("\tat ").append(frame.getStackTraceElement()).append('\n');
            }
            thrown = thrown.getCause();
        }
        return line.toString();
    }

    private static String abbreviation(Level level) {
        return switch (level.toInt()) {
            case Level.TRACE_INT -> "TRC";
            case Level.DEBUG_INT -> "DBG";
            case Level.WARN_INT -> "WRN";
            case Level.ERROR_INT -> "ERR";
            default -> "INF";
        };
    }
}
