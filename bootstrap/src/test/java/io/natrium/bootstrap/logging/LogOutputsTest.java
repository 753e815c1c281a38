package io.natrium.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one destination nats-server picks: log file, else remote syslog, else local syslog, else standard error. */
class LogOutputsTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final Clock CLOCK = Clock.fixed(AT, ZoneId.of("UTC"));
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path directory;

    private final ByteArrayOutputStream standardError = new ByteArrayOutputStream();
    private final PrintStream errorStream = new PrintStream(standardError, true, StandardCharsets.UTF_8);

    @Test
    void aLogFileWinsOverSyslog() throws IOException {
        try (DatagramSocket receiver = udpReceiver()) {
            LogOutput output = open(Settings.defaults().logFile(directory.resolve("nats.log"))
                    .remoteSyslog("udp://127.0.0.1:" + receiver.getLocalPort()).syslog(true));

            assertThat(output).isInstanceOf(LogFile.class);
            output.close();
        }
    }

    @Test
    void remoteSyslogWinsOverLocalSyslog() throws IOException {
        try (DatagramSocket receiver = udpReceiver()) {
            LogOutput output = open(Settings.defaults().remoteSyslog("udp://127.0.0.1:" + receiver.getLocalPort())
                    .syslog(true));

            assertThat(output).isInstanceOf(Syslog.class);
            output.close();
        }
    }

    @Test
    void localSyslogAlwaysFindsAWay() {
        LogOutput output = open(Settings.defaults().syslog(true));

        assertThat(output).isInstanceOf(Syslog.class);
        output.close();
    }

    @Test
    void standardErrorOtherwiseWithTheTimeAsConfigured() {
        open(Settings.defaults().logTime(true, true)).write(new LogEntry(LogLevel.INFO, AT, "with time"));
        open(Settings.defaults().logTime(false, false)).write(new LogEntry(LogLevel.INFO, AT, "without"));

        assertThat(standardError.toString(StandardCharsets.UTF_8)).isEqualTo(
                "[" + PID + "] 2026/01/02 03:04:05.123456 [INF] with time\n[" + PID + "] [INF] without\n");
    }

    @Test
    void aClientsBytesThatAreNotUtf8AreWrittenAsTheyCame() {
        // "SUB w.\xff" as the decoder keeps the client's byte; nats-server logs the byte itself.
        open(Settings.defaults().logTime(false, false)).write(new LogEntry(LogLevel.TRACE, AT, "SUB w.\udcff"));

        assertThat(standardError.toByteArray()).endsWith('w', '.', 0xFF, '\n');
    }

    @Test
    void aFileThatCannotBeOpenedFailsAsInNatsServer() {
        Path missing = directory.resolve("no/such/dir/nats.log");

        assertThatThrownBy(() -> open(Settings.defaults().logFile(missing)))
                .isInstanceOf(LoggingException.class)
                .hasMessage("error opening file: open " + missing + ": no such file or directory");
    }

    private LogOutput open(Settings settings) {
        return LogOutputs.open(settings.build(), errorStream, CLOCK);
    }

    private static DatagramSocket udpReceiver() throws IOException {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }
}
