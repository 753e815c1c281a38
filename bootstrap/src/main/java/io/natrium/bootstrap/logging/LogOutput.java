package io.natrium.bootstrap.logging;

/**
 * Where log lines go: standard error, a file, or syslog. nats-server logs to exactly one of them. Calls come one at
 * a time from the appender, which serialises them.
 */
interface LogOutput {

    void write(LogEntry entry);

    /** Reopens the log file (SIGUSR1) and returns true; false when this output is not a file. */
    default boolean reopen() {
        return false;
    }

    /** Releases the file or socket; nothing is written afterwards. */
    default void close() {
        // Nothing to release.
    }
}
