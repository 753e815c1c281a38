package io.natrium.bootstrap.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An MQTT client made of a socket: sends the bytes a test writes (well formed or not) and reports what came back as
 * hex, with {@code <closed>} where the server closed the connection, so two servers' answers can be compared.
 */
public final class RawMqtt implements AutoCloseable {

    /** How long the server has to say more before an answer counts as complete. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private final Socket socket;
    private final InputStream in;
    private boolean closed;

    private RawMqtt(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    static RawMqtt connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        return new RawMqtt(socket);
    }

    /**
     * A client that first makes the TLS handshake with {@code tls}; a handshake the server refuses leaves it
     * closed (its first answer is then {@code <closed>}).
     */
    static RawMqtt connectTls(int port, SSLContext tls) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        RawMqtt client = new RawMqtt(socket);
        try {
            socket.startHandshake();
            // TLS 1.3 tells a refused client certificate only with the first read: a quiet moment finds out.
            socket.setSoTimeout(300);
            if (socket.getInputStream().available() == 0) {
                try {
                    if (socket.getInputStream().read() < 0) {
                        client.closed = true;
                    }
                } catch (SocketTimeoutException open) {
                    // Nothing to say and still open: the handshake stands.
                }
            }
        } catch (IOException refused) {
            client.closed = true;
        }
        return client;
    }

    /** Sends {@code bytes} and returns what the server answers until it is quiet, or closes, within {@code within}. */
    String send(byte[] bytes, Duration within) throws IOException {
        if (closed) {
            return "<closed>";
        }
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException reset) {
            closed = true;
            return "<closed>";
        }
        return answer(within);
    }

    /** Sends {@code bytes} without waiting for anything back. */
    void sendWithoutAnswer(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    String send(byte[] bytes) throws IOException {
        return send(bytes, Duration.ofSeconds(5));
    }

    /**
     * What the server sends within {@code within}: it stops at the first quiet moment after some bytes, or at the
     * close (then ending in {@code <closed>}).
     */
    String answer(Duration within) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + within.toNanos();
        byte[] buffer = new byte[4096];
        while (!closed && System.nanoTime() < deadline) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            socket.setSoTimeout((int) Math.min(left, got.size() > 0 ? QUIET.toMillis() : left));
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    closed = true;
                } else {
                    got.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException quiet) {
                if (got.size() > 0) {
                    break;
                }
            } catch (IOException reset) {
                closed = true;
            }
        }
        return HexFormat.of().formatHex(got.toByteArray()) + (closed ? "<closed>" : "");
    }

    /** Exactly {@code count} bytes as hex, or what came before the close or {@code within} ran out. */
    String read(int count, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        byte[] bytes = in.readNBytes(count);
        closed = bytes.length < count;
        return HexFormat.of().formatHex(bytes) + (closed ? "<closed>" : "");
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // Packets, written by hand so that tests can also write them wrong.

    public static byte[] connect(String clientId, int keepAlive) {
        return connect("MQTT", 4, 0x02, keepAlive, clientId);
    }

    public static byte[] connect(String protocol, int level, int flags, int keepAlive, String clientId,
            String... rest) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, protocol);
        body.write(level);
        body.write(flags);
        body.write(keepAlive >> 8);
        body.write(keepAlive);
        string(body, clientId);
        for (String field : rest) {
            string(body, field);
        }
        return packet(0x10, body.toByteArray());
    }

    public static byte[] publish(int flags, String topic, int packetId, String payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        if ((flags & 0x06) != 0) {
            body.write(packetId >> 8);
            body.write(packetId);
        }
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        return packet(0x30 | flags, body.toByteArray());
    }

    /** SUBSCRIBE with {@code filters} as filter, QoS, filter, QoS, ... */
    public static byte[] subscribe(int packetId, Object... filters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId);
        for (int i = 0; i < filters.length; i += 2) {
            string(body, (String) filters[i]);
            body.write((Integer) filters[i + 1]);
        }
        return packet(0x82, body.toByteArray());
    }

    public static byte[] puback(int packetId) {
        return new byte[] {0x40, 2, (byte) (packetId >> 8), (byte) packetId};
    }

    public static byte[] pubrec(int packetId) {
        return new byte[] {0x50, 2, (byte) (packetId >> 8), (byte) packetId};
    }

    public static byte[] pubrel(int packetId) {
        return new byte[] {0x62, 2, (byte) (packetId >> 8), (byte) packetId};
    }

    public static byte[] pubcomp(int packetId) {
        return new byte[] {0x70, 2, (byte) (packetId >> 8), (byte) packetId};
    }

    public static byte[] unsubscribe(int packetId, String... filters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId);
        for (String filter : filters) {
            string(body, filter);
        }
        return packet(0xA2, body.toByteArray());
    }

    public static final byte[] PINGREQ = {(byte) 0xC0, 0};
    public static final byte[] DISCONNECT = {(byte) 0xE0, 0};

    public static byte[] packet(int firstByte, byte[] body) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(firstByte);
        int rest = body.length;
        do {
            int digit = rest % 128;
            rest /= 128;
            packet.write(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        packet.writeBytes(body);
        return packet.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
