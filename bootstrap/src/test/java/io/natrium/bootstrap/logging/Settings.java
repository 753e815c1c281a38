package io.natrium.bootstrap.logging;

import io.natrium.application.settings.LoggingSettings;

import java.nio.file.Path;

/** Logging settings for a test: nats-server's defaults, changed field by field. */
final class Settings {

    private boolean debug;
    private boolean trace;
    private boolean traceHeaders;
    private boolean logTime = true;
    private boolean logTimeUtc;
    private String logFile;
    private long logSizeLimit;
    private int logMaxFiles;
    private boolean syslog;
    private String remoteSyslog;
    private int maxTracedMsgLen;

    static Settings defaults() {
        return new Settings();
    }

    Settings debug(boolean on) {
        debug = on;
        return this;
    }

    Settings trace(boolean on) {
        trace = on;
        return this;
    }

    Settings traceHeaders(boolean on) {
        traceHeaders = on;
        return this;
    }

    Settings logTime(boolean on, boolean utc) {
        logTime = on;
        logTimeUtc = utc;
        return this;
    }

    Settings logFile(Path file) {
        logFile = file.toString();
        return this;
    }

    Settings rotation(long sizeLimit, int maxFiles) {
        logSizeLimit = sizeLimit;
        logMaxFiles = maxFiles;
        return this;
    }

    Settings syslog(boolean on) {
        syslog = on;
        return this;
    }

    Settings remoteSyslog(String url) {
        remoteSyslog = url;
        return this;
    }

    Settings maxTracedMsgLen(int bytes) {
        maxTracedMsgLen = bytes;
        return this;
    }

    LoggingSettings build() {
        return new LoggingSettings(debug, trace, false, traceHeaders, logTime, logTimeUtc, logFile, logSizeLimit,
                logMaxFiles, syslog, remoteSyslog, maxTracedMsgLen);
    }
}
