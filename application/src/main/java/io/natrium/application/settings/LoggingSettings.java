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

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes logging settings one option at a time. */
    public static final class Builder {
        private boolean debug;
        private boolean trace;
        private boolean traceVerbose;
        private boolean traceHeaders;
        private boolean logTime;
        private boolean logTimeUtc;
        private String logFile;
        private long logSizeLimit;
        private int logMaxFiles;
        private boolean syslog;
        private String remoteSyslog;
        private int maxTracedMsgLen;

        private Builder(LoggingSettings settings) {
            debug = settings.debug;
            trace = settings.trace;
            traceVerbose = settings.traceVerbose;
            traceHeaders = settings.traceHeaders;
            logTime = settings.logTime;
            logTimeUtc = settings.logTimeUtc;
            logFile = settings.logFile;
            logSizeLimit = settings.logSizeLimit;
            logMaxFiles = settings.logMaxFiles;
            syslog = settings.syslog;
            remoteSyslog = settings.remoteSyslog;
            maxTracedMsgLen = settings.maxTracedMsgLen;
        }

        public Builder debug(boolean value) {
            debug = value;
            return this;
        }

        public Builder trace(boolean value) {
            trace = value;
            return this;
        }

        public Builder traceVerbose(boolean value) {
            traceVerbose = value;
            return this;
        }

        public Builder traceHeaders(boolean value) {
            traceHeaders = value;
            return this;
        }

        public Builder logTime(boolean value) {
            logTime = value;
            return this;
        }

        public Builder logTimeUtc(boolean value) {
            logTimeUtc = value;
            return this;
        }

        public Builder logFile(String value) {
            logFile = value;
            return this;
        }

        public Builder logSizeLimit(long value) {
            logSizeLimit = value;
            return this;
        }

        public Builder logMaxFiles(int value) {
            logMaxFiles = value;
            return this;
        }

        public Builder syslog(boolean value) {
            syslog = value;
            return this;
        }

        public Builder remoteSyslog(String value) {
            remoteSyslog = value;
            return this;
        }

        public Builder maxTracedMsgLen(int value) {
            maxTracedMsgLen = value;
            return this;
        }

        public LoggingSettings build() {
            return new LoggingSettings(debug, trace, traceVerbose, traceHeaders, logTime, logTimeUtc, logFile,
                    logSizeLimit, logMaxFiles, syslog, remoteSyslog, maxTracedMsgLen);
        }
    }
}
