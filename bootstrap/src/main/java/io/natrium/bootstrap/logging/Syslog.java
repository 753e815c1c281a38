package io.natrium.bootstrap.logging;

import io.natrium.domain.subject.Utf8;
import io.natrium.domain.text.GoStrings;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Log lines to syslog, framed as Go's {@code log/syslog} frames them for nats-server. Over the network ({@code -r},
 * {@code udp://}, {@code tcp://} or {@code unix://}): {@code <5>2006-01-02T15:04:05+01:00 host nats-server[pid]:
 * message}, with no facility (nats-server dials with {@code LOG_DEBUG}, which leaves it 0). To the local daemon
 * ({@code -s}): {@code <29>Jan  2 15:04:05 nats-server[pid]: message}, facility daemon. Each message ends in a
 * newline. The severity is nats-server's: notice for info and trace lines, warning, err, debug.
 *
 * <p>The local daemon listens on {@code /dev/log}, almost always a datagram Unix socket, which Java cannot send to
 * (it has stream Unix sockets only). A stream socket at {@code /dev/log}, {@code /var/run/syslog} or
 * {@code /var/run/log} is used when there is one; otherwise the messages go to the daemon's UDP input on
 * {@code 127.0.0.1:514} in the network form (with the host name, as Go sends over UDP), facility daemon. That input
 * must be enabled (rsyslog's {@code imudp}), or the messages are lost, as UDP messages are.
 *
 * <p>A failed send is retried once on a new connection, as Go does; a second failure drops the line.
 */
final class Syslog implements LogOutput {

    static final int CRIT = 2;
    static final int ERR = 3;
    static final int WARNING = 4;
    static final int NOTICE = 5;
    static final int DEBUG = 7;
    /** {@code LOG_DAEMON}, the facility of nats-server's local syslog. */
    static final int DAEMON = 3 << 3;
    /** Go tags with the executable's name; Natrium stands in for {@code nats-server}. */
    static final String TAG = "nats-server";

    private static final String[] LOCAL_SOCKETS = {"/dev/log", "/var/run/syslog", "/var/run/log"};
    private static final InetSocketAddress LOCAL_UDP = new InetSocketAddress(InetAddress.getLoopbackAddress(), 514);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);

    private final SyslogTransport transport;
    private final int facility;
    /** Go's local form: a short timestamp and no host name. */
    private final boolean localForm;
    private final String hostname;
    private final long pid;
    private final Clock clock;
    private final DateTimeFormatter timestamp;

    Syslog(SyslogTransport transport, int facility, boolean localForm, String hostname, long pid, Clock clock) {
        this.transport = transport;
        this.facility = facility;
        this.localForm = localForm;
        this.hostname = hostname;
        this.pid = pid;
        this.clock = clock;
        this.timestamp = (localForm ? STAMP : RFC3339).withZone(clock.getZone());
    }

    /** {@code -r udp://host:port}, {@code tcp://host:port} or {@code unix:///path}; connects now. */
    static Syslog remote(String url, Clock clock) {
        return connected(new Syslog(transportFor(url), 0, false, hostname(), ProcessHandle.current().pid(), clock));
    }

    /** {@code -s}: the local syslog daemon, through a stream socket when there is one, else its UDP port. */
    static Syslog local(Clock clock) {
        long pid = ProcessHandle.current().pid();
        for (String socket : LOCAL_SOCKETS) {
            Path path = Path.of(socket);
            if (!Files.exists(path)) {
                continue;
            }
            StreamSyslogTransport transport = new StreamSyslogTransport(UnixDomainSocketAddress.of(path),
                    "unix " + socket);
            try {
                transport.connect();
                return new Syslog(transport, DAEMON, true, hostname(), pid, clock);
            } catch (IOException | UnsupportedOperationException e) {
                // A datagram socket, or no daemon behind it: try the next way.
            }
        }
        return connected(new Syslog(new DatagramSyslogTransport(LOCAL_UDP), DAEMON, false, hostname(), pid, clock));
    }

    @Override
    public void write(LogEntry entry) {
        byte[] message = frame(entry);
        try {
            transport.send(message);
        } catch (IOException e) {
            try {
                transport.connect();
                transport.send(message);
            } catch (IOException | RuntimeException again) {
                // Dropped, as Go's writer drops a message it cannot send twice.
            }
        }
    }

    @Override
    public void close() {
        transport.close();
    }

    /** One message: {@code <priority>timestamp [host ]tag[pid]: text} and a newline. */
    byte[] frame(LogEntry entry) {
        String text = entry.detail().isEmpty() ? entry.message() : entry.message() + "\n" + entry.detail();
        StringBuilder message = new StringBuilder(text.length() + 64)
                .append('<').append(facility | entry.level().syslogSeverity()).append('>');
        timestamp.formatTo(clock.instant(), message);
        message.append(' ');
        if (!localForm) {
            message.append(hostname).append(' ');
        }
        message.append(TAG).append('[').append(pid).append("]: ").append(text);
        if (!text.endsWith("\n")) {
            message.append('\n');
        }
        return Utf8.encodeKeepingBytes(message.toString());
    }

    private static Syslog connected(Syslog syslog) {
        try {
            syslog.transport.connect();
        } catch (IOException | RuntimeException e) {
            throw new LoggingException("error connecting to syslog: "
                    + GoStrings.quote("dial " + syslog.transport.describe() + ": " + e.getMessage()));
        }
        return syslog;
    }

    /** nats-server's {@code getNetworkAndAddr}: udp and tcp take host and port, unix a path. */
    static SyslogTransport transportFor(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new LoggingException("parse " + GoStrings.quote(url) + ": " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        return switch (scheme) {
            case "udp", "tcp" -> {
                if (uri.getHost() == null || uri.getPort() < 0) {
                    throw new LoggingException("error connecting to syslog: " + GoStrings.quote("dial " + scheme + " "
                            + uri.getRawAuthority() + ": missing port in address"));
                }
                InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
                String description = scheme + " " + uri.getRawAuthority();
                yield scheme.equals("udp") ? new DatagramSyslogTransport(address)
                        : new StreamSyslogTransport(address, description);
            }
            case "unix" -> new StreamSyslogTransport(UnixDomainSocketAddress.of(uri.getPath()),
                    "unix " + uri.getPath());
            default -> throw new LoggingException("error invalid network type: " + GoStrings.quote(scheme));
        };
    }

    /** Go's {@code os.Hostname}: the kernel's name for the host, without a DNS lookup. */
    private static String hostname() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: ask Java.
        }
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
