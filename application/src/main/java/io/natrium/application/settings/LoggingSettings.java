package io.natrium.application.settings;

/**
 * What is logged and how.
 *
 * @param debug        debug messages (-D)
 * @param trace        protocol tracing (-V)
 * @param traceVerbose tracing that includes the system account (-VV)
 * @param logTime      timestamps on every line (-T, on by default)
 * @param logTimeUtc   timestamps in UTC
 */
public record LoggingSettings(boolean debug, boolean trace, boolean traceVerbose, boolean logTime,
        boolean logTimeUtc) {

    public static LoggingSettings defaults() {
        return new LoggingSettings(false, false, false, true, false);
    }
}
