package io.natrium.bootstrap.logging;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * nats-server's log line: {@code [pid] 2006/01/02 15:04:05.000000 [INF] message}. The time is local or UTC, or left
 * out with {@code -T=false}; the level label is coloured only on a terminal.
 */
final class NatsLayout {

    private final String prefix;
    private final DateTimeFormatter time;
    private final boolean coloured;

    NatsLayout(long pid, boolean withTime, boolean utc, boolean coloured) {
        this.prefix = "[" + pid + "] ";
        ZoneId zone = utc ? ZoneOffset.UTC : ZoneId.systemDefault();
        this.time = withTime ? DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS ").withZone(zone) : null;
        this.coloured = coloured;
    }

    String format(LogEntry entry) {
        return format(entry.level(), entry.time(), entry.message()) + entry.detail();
    }

    /** One line, ending in a newline. */
    String format(LogLevel level, Instant at, String message) {
        StringBuilder line = new StringBuilder(message.length() + 64).append(prefix);
        if (time != null) {
            time.formatTo(at, line);
        }
        return line.append(level.label(coloured)).append(message).append('\n').toString();
    }
}
