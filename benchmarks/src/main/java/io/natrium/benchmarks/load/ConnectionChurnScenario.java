package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Connections opened and closed one after another over blocking sockets: connect, read INFO, send CONNECT and PING
 * in one write, read until PONG, close. Figures: connections per second, and p50 and p99 of the handshake (from the
 * start of {@code connect} until the PONG has been read). Over TLS ({@code tlschurn}) each connection makes a TLS 1.3
 * handshake after reading INFO in clear, as NATS clients do; the tool's one JSSE context resumes with the session
 * ticket the server gave the previous connection (both nats-server and Natrium issue them), as a client library
 * keeping its {@code SSLContext} does.
 */
final class ConnectionChurnScenario implements Scenario {

    private static final byte[] HELLO;

    static {
        byte[] ping = "PING\r\n".getBytes(US_ASCII);
        HELLO = new byte[Connection.CONNECT.length + ping.length];
        System.arraycopy(Connection.CONNECT, 0, HELLO, 0, Connection.CONNECT.length);
        System.arraycopy(ping, 0, HELLO, Connection.CONNECT.length, ping.length);
    }

    private final long connections;
    /** Null for plain connections. */
    private final LoadTls tls;

    ConnectionChurnScenario(long connections) {
        this(connections, null);
    }

    ConnectionChurnScenario(long connections, LoadTls tls) {
        this.connections = connections;
        this.tls = tls;
    }

    @Override
    public String id() {
        return tls == null ? "churn" : "tlschurn";
    }

    @Override
    public String title() {
        return tls == null ? "connection churn" : "TLS connection churn";
    }

    @Override
    public long size() {
        return connections;
    }

    @Override
    public String unit() {
        return "connection";
    }

    @Override
    public List<Metric> run(IoLoop loop, long size) throws IOException {
        InetSocketAddress address = new InetSocketAddress(IoLoop.HOST, loop.port());
        int timeout = (int) loop.timeout().toMillis();
        byte[] input = new byte[16 * 1024];
        LatencyHistogram histogram = new LatencyHistogram();
        long start = System.nanoTime();
        for (long i = 0; i < size; i++) {
            long begin = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(timeout);
                socket.connect(address, timeout);
                if (tls == null) {
                    handshake(socket, input, i);
                } else {
                    FrameScanner scanner = new FrameScanner();
                    readUntil(socket.getInputStream(), input, scanner, scanner::infos, i);
                    try (Socket secured = tls.secure(socket)) {
                        hello(secured, input, scanner, i);
                    }
                }
                histogram.record(System.nanoTime() - begin);
            }
        }
        long nanos = System.nanoTime() - start;
        return List.of(Metric.rate("conn/s", size, nanos),
                Metric.latencyMicros("handshake p50 µs", histogram.percentile(0.50)),
                Metric.latencyMicros("handshake p99 µs", histogram.percentile(0.99)));
    }

    /**
     * The client's side of a handshake on a connected socket: reads INFO, sends CONNECT and PING in one write, reads
     * until the PONG; {@code connection} names it in a failure.
     */
    static void handshake(Socket socket, byte[] input, long connection) throws IOException {
        FrameScanner scanner = new FrameScanner();
        readUntil(socket.getInputStream(), input, scanner, scanner::infos, connection);
        hello(socket, input, scanner, connection);
    }

    /** After INFO: CONNECT and PING in one write, then read until the PONG. */
    static void hello(Socket socket, byte[] input, FrameScanner scanner, long connection) throws IOException {
        socket.getOutputStream().write(HELLO);
        readUntil(socket.getInputStream(), input, scanner, scanner::pongs, connection);
    }

    /** Reads until {@code count} is positive; the socket's read timeout bounds a stall. */
    static void readUntil(InputStream in, byte[] input, FrameScanner scanner, LongSupplier count,
            long connection) throws IOException {
        while (count.getAsLong() == 0) {
            int read = in.read(input);
            if (read < 0) {
                throw new LoadFailure("connection " + connection + ": the server closed it during the handshake");
            }
            scanner.feed(input, 0, read);
            if (scanner.failure() != null) {
                throw new LoadFailure("connection " + connection + ": " + scanner.failure());
            }
        }
    }
}
