package io.natrium.bootstrap.logging;

import java.time.Instant;

/**
 * One log event, taken out of the logging framework: what every {@link LogOutput} writes.
 *
 * @param level   its level
 * @param time    when it was logged
 * @param message the formatted message
 * @param detail  a stack trace, one line per frame each ending in a newline; empty for none
 */
record LogEntry(LogLevel level, Instant time, String message, String detail) {

    LogEntry(LogLevel level, Instant time, String message) {
        this(level, time, message, "");
    }
}
