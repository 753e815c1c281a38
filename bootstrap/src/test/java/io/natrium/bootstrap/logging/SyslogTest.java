package io.natrium.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Syslog as nats-server writes it through Go's {@code log/syslog}: the frame ({@code <pri>time host tag[pid]: msg}),
 * severities, the three transports of {@code -r}, retrying on a new connection, and the errors for bad addresses.
 */
class SyslogTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.987Z");
    private static final Clock UTC = Clock.fixed(AT, ZoneId.of("UTC"));
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path directory;

    @Test
    void sendsOneRfc3164DatagramPerLineOverUdp() throws IOException {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            receiver.setSoTimeout(TIMEOUT_MILLIS);
            Syslog syslog = Syslog.remote("udp://127.0.0.1:" + receiver.getLocalPort(), UTC);

            syslog.write(new LogEntry(LogLevel.INFO, AT, "Server is ready"));
            syslog.write(new LogEntry(LogLevel.ERROR, AT, "oops"));

            assertThat(receive(receiver)).matches(frame("<5>2026-01-02T03:04:05Z", "Server is ready"));
            assertThat(receive(receiver)).matches(frame("<3>2026-01-02T03:04:05Z", "oops"));
            syslog.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"TRACE, 5", "DEBUG, 7", "INFO, 5", "WARN, 4", "ERROR, 3", "FATAL, 2"})
    void usesNatsServersSeverityForEachLevel(LogLevel level, int priority) {
        Syslog network = new Syslog(new RecordingTransport(), 0, false, "host", 42, UTC);
        Syslog local = new Syslog(new RecordingTransport(), Syslog.DAEMON, true, "host", 42, UTC);

        assertThat(text(network.frame(new LogEntry(level, AT, "m")))).startsWith("<" + priority + ">");
        assertThat(text(local.frame(new LogEntry(level, AT, "m")))).startsWith("<" + (24 + priority) + ">");
    }

    @Test
    void writesTheTimeWithTheLocalOffsetOverTheNetwork() {
        Syslog syslog = new Syslog(new RecordingTransport(), 0, false, "host", 42,
                Clock.fixed(AT, ZoneId.of("+01:00")));

        assertThat(text(syslog.frame(new LogEntry(LogLevel.WARN, AT, "careful"))))
                .isEqualTo("<4>2026-01-02T04:04:05+01:00 host nats-server[42]: careful\n");
    }

    @Test
    void writesTheLocalFormWithoutHostNameAndWithAShortTime() {
        Syslog syslog = new Syslog(new RecordingTransport(), Syslog.DAEMON, true, "host", 42, UTC);
        Syslog later = new Syslog(new RecordingTransport(), Syslog.DAEMON, true, "host", 42,
                Clock.fixed(Instant.parse("2026-11-12T13:14:15Z"), ZoneId.of("UTC")));

        assertThat(text(syslog.frame(new LogEntry(LogLevel.INFO, AT, "hello"))))
                .isEqualTo("<29>Jan  2 03:04:05 nats-server[42]: hello\n");
        assertThat(text(later.frame(new LogEntry(LogLevel.INFO, AT, "hello"))))
                .isEqualTo("<29>Nov 12 13:14:15 nats-server[42]: hello\n");
    }

    @Test
    void writesAClientsBytesThatAreNotUtf8AsTheyCame() {
        Syslog syslog = new Syslog(new RecordingTransport(), Syslog.DAEMON, true, "host", 42, UTC);

        assertThat(syslog.frame(new LogEntry(LogLevel.INFO, AT, "w.\udcff"))).endsWith('w', '.', 0xFF, '\n');
    }

    @Test
    void sendsLinesOneAfterAnotherOverTcp() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(TIMEOUT_MILLIS);
            Syslog syslog = Syslog.remote("tcp://127.0.0.1:" + server.getLocalPort(), UTC);
            try (Socket accepted = server.accept()) {
                accepted.setSoTimeout(TIMEOUT_MILLIS);
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(accepted.getInputStream(), StandardCharsets.UTF_8));

                syslog.write(new LogEntry(LogLevel.INFO, AT, "one"));
                syslog.write(new LogEntry(LogLevel.DEBUG, AT, "two"));

                assertThat(in.readLine() + "\n").matches(frame("<5>2026-01-02T03:04:05Z", "one"));
                assertThat(in.readLine() + "\n").matches(frame("<7>2026-01-02T03:04:05Z", "two"));
            }
            syslog.close();
        }
    }

    @Test
    void sendsOverAUnixStreamSocket() throws IOException {
        Path socketPath = directory.resolve("syslog.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socketPath));
            Syslog syslog = Syslog.remote("unix://" + socketPath, UTC);
            try (SocketChannel accepted = server.accept()) {
                syslog.write(new LogEntry(LogLevel.INFO, AT, "over unix"));

                assertThat(readLine(accepted)).matches(frame("<5>2026-01-02T03:04:05Z", "over unix"));
            }
            syslog.close();
        }
    }

    @Test
    void retriesAFailedSendOnceOnANewConnection() {
        RecordingTransport transport = new RecordingTransport().failNextSends(1);
        Syslog syslog = new Syslog(transport, 0, false, "host", 42, UTC);

        syslog.write(new LogEntry(LogLevel.INFO, AT, "kept"));

        assertThat(transport.connects).isEqualTo(1);
        assertThat(transport.sent).containsExactly("<5>2026-01-02T03:04:05Z host nats-server[42]: kept\n");
    }

    @Test
    void dropsALineThatFailsTwice() {
        RecordingTransport transport = new RecordingTransport().failNextSends(2);
        Syslog syslog = new Syslog(transport, 0, false, "host", 42, UTC);

        syslog.write(new LogEntry(LogLevel.INFO, AT, "lost"));
        syslog.write(new LogEntry(LogLevel.INFO, AT, "next"));

        assertThat(transport.sent).containsExactly("<5>2026-01-02T03:04:05Z host nats-server[42]: next\n");
    }

    @Test
    void rejectsAddressesAsNatsServerDoes() throws IOException {
        assertThatThrownBy(() -> Syslog.remote("http://localhost:514", UTC))
                .isInstanceOf(LoggingException.class).hasMessage("error invalid network type: \"http\"");
        assertThatThrownBy(() -> Syslog.remote("localhost:514", UTC))
                .isInstanceOf(LoggingException.class).hasMessage("error invalid network type: \"localhost\"");
        assertThatThrownBy(() -> Syslog.remote("udp://localhost", UTC))
                .isInstanceOf(LoggingException.class)
                .hasMessage("error connecting to syslog: \"dial udp localhost: missing port in address\"");
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
        assertThatThrownBy(() -> Syslog.remote("tcp://127.0.0.1:" + closedPort, UTC))
                .isInstanceOf(LoggingException.class)
                .hasMessageStartingWith("error connecting to syslog: \"dial tcp 127.0.0.1:" + closedPort + ": ");
    }

    /** {@code <pri>time host nats-server[pid]: message\n}, with any host name. */
    private static String frame(String priorityAndTime, String message) {
        return Pattern.quote(priorityAndTime + " ") + "\\S+" + Pattern.quote(" nats-server[" + PID + "]: " + message)
                + "\n";
    }

    private static String receive(DatagramSocket receiver) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        receiver.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    /** Reads up to and including the first newline; the channel is blocking. */
    private static String readLine(SocketChannel channel) throws IOException {
        StringBuilder line = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (line.length() == 0 || line.charAt(line.length() - 1) != '\n') {
            one.clear();
            if (channel.read(one) < 0) {
                break;
            }
            line.append((char) one.get(0));
        }
        return line.toString();
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    /** A transport that keeps what it is sent, and can fail sends. */
    private static final class RecordingTransport implements SyslogTransport {

        final List<String> sent = new ArrayList<>();
        int connects;
        private int failures;

        RecordingTransport failNextSends(int count) {
            failures = count;
            return this;
        }

        @Override
        public void connect() {
            connects++;
        }

        @Override
        public void send(byte[] message) throws IOException {
            if (failures > 0) {
                failures--;
                throw new IOException("broken pipe");
            }
            sent.add(text(message));
        }

        @Override
        public void close() {
            // Nothing to close.
        }

        @Override
        public String describe() {
            return "recording";
        }
    }
}
