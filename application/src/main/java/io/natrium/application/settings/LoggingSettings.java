package io.natrium.application.settings;

/**
 * What is logged and where.
 *
 * @param debug           debug messages ({@code -D}, {@code debug})
 * @param trace           protocol tracing ({@code -V}, {@code trace})
 * @param traceVerbose    tracing that includes the system account ({@code -VV}, {@code trace_verbose})
 * @param traceHeaders    tracing that shows message headers ({@code trace_headers})
 * @param logTime         timestamps on every line ({@code -T}, {@code logtime}; on by default)
 * @param logTimeUtc      timestamps in UTC ({@code logtime_utc})
 * @param logFile         the file to log to ({@code -l}, {@code logfile}); null logs to standard error
 * @param logSizeLimit    rotate the log file when it passes this many bytes ({@code log_size_limit}); 0 never
 * @param logMaxFiles     how many rotated files to keep ({@code logfile_max_num}); 0 keeps all
 * @param syslog          log to the local syslog ({@code -s}, {@code syslog})
 * @param remoteSyslog    log to this syslog address, e.g. {@code udp://localhost:514} ({@code -r}); null for none
 * @param maxTracedMsgLen cut traced message payloads to this many bytes ({@code max_traced_msg_len}); 0 no limit
 */
public record LoggingSettings(
        boolean debug,
        boolean trace,
        boolean traceVerbose,
        boolean traceHeaders,
        boolean logTime,
        boolean logTimeUtc,
        String logFile,
        long logSizeLimit,
        int logMaxFiles,
        boolean syslog,
        String remoteSyslog,
        int maxTracedMsgLen) {

    public static LoggingSettings defaults() {
        return new LoggingSettings(false, false, false, false, true, false, null, 0, 0, false, null, 0);
    }

    public LoggingSettings withLevels(boolean debugOn, boolean traceOn, boolean traceVerboseOn) {
        return new LoggingSettings(debugOn, traceOn, traceVerboseOn, traceHeaders, logTime, logTimeUtc, logFile,
                logSizeLimit, logMaxFiles, syslog, remoteSyslog, maxTracedMsgLen);
    }

    public LoggingSettings withLogTime(boolean on, boolean utc) {
        return new LoggingSettings(debug, trace, traceVerbose, traceHeaders, on, utc, logFile, logSizeLimit,
                logMaxFiles, syslog, remoteSyslog, maxTracedMsgLen);
    }
}
