package io.natrium.bootstrap.logging;

import io.natrium.application.settings.LoggingSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the one output nats-server would log to for these settings: the log file when one is given, else the remote
 * syslog, else the local syslog, else standard error.
 */
final class LogOutputs {

    private LogOutputs() {
    }

    /**
     * @param standardError where lines go without a file or syslog, and where a file that cannot be reopened is
     *                      reported
     * @throws LoggingException when the file cannot be opened or the syslog cannot be reached
     */
    static LogOutput open(LoggingSettings settings, PrintStream standardError, Clock clock) {
        long pid = ProcessHandle.current().pid();
        if (isSet(settings.logFile())) {
            NatsLayout layout = new NatsLayout(pid, settings.logTime(), settings.logTimeUtc(), false);
            Path path = Path.of(settings.logFile());
            try {
                return LogFile.open(path, layout, settings.logSizeLimit(), settings.logMaxFiles(), clock,
                        standardError);
            } catch (IOException e) {
                throw new LoggingException("error opening file: open " + settings.logFile() + ": " + GoPathError.reason(e));
            }
        }
        if (isSet(settings.remoteSyslog())) {
            return Syslog.remote(settings.remoteSyslog(), clock);
        }
        if (settings.syslog()) {
            return Syslog.local(clock);
        }
        NatsLayout layout = new NatsLayout(pid, settings.logTime(), settings.logTimeUtc(), Terminal.isStandardError());
        return new StreamOutput(layout, standardError);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
