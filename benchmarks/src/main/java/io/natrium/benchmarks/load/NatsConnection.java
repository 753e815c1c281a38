package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.natrium.benchmarks.load.ProtocolReader.Op;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * One client connection speaking the raw protocol over a blocking socket: TCP_NODELAY, a 64 KiB write buffer, and a
 * {@link ProtocolReader}. Writes are serialised by a lock, because a reader thread may answer a server PING while
 * another thread publishes. Reads happen on one thread only: either the caller's ({@link #read()},
 * {@link #awaitPong()}) or a {@link Subscriber}'s.
 */
final class NatsConnection implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private static final byte[] CONNECT =
            "CONNECT {\"verbose\":false,\"pedantic\":false}\r\n".getBytes(US_ASCII);
    private static final byte[] PING = "PING\r\n".getBytes(US_ASCII);
    private static final byte[] PONG = "PONG\r\n".getBytes(US_ASCII);
    private static final int WRITE_BUFFER = 64 * 1024;
    private static final int FRAMES_PER_LOCK = 1024;

    private final Socket socket;
    private final OutputStream out;
    private final ProtocolReader reader;
    private final Object writeLock = new Object();

    private NatsConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER);
        this.reader = new ProtocolReader(socket.getInputStream());
    }

    /**
     * Connects, reads the server's INFO and buffers CONNECT (sent with the next flush, together with the first
     * SUB, PUB or PING). Blocking reads give up after {@code timeout}.
     */
    static NatsConnection open(int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(HOST, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            NatsConnection connection = new NatsConnection(socket);
            Op first = connection.reader.next();
            if (first != Op.INFO) {
                throw new IOException("expected INFO, got " + connection.reader.text());
            }
            connection.write(CONNECT);
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Buffers {@code SUB subject [queue] sid}. */
    void subscribe(String subject, String queue, int sid) throws IOException {
        String command = queue == null ? "SUB " + subject + " " + sid + "\r\n"
                : "SUB " + subject + " " + queue + " " + sid + "\r\n";
        write(command.getBytes(US_ASCII));
    }

    /** Buffers one pre-encoded frame (see {@link #pubFrame}). */
    void write(byte[] frame) throws IOException {
        synchronized (writeLock) {
            out.write(frame);
        }
    }

    /** Buffers {@code count} frames, cycling through {@code frames}, taking the write lock once per batch. */
    void write(byte[][] frames, long count) throws IOException {
        long written = 0;
        int next = 0;
        while (written < count) {
            long batchEnd = Math.min(count, written + FRAMES_PER_LOCK);
            synchronized (writeLock) {
                for (; written < batchEnd; written++) {
                    out.write(frames[next]);
                    next = next + 1 == frames.length ? 0 : next + 1;
                }
            }
        }
    }

    void flush() throws IOException {
        synchronized (writeLock) {
            out.flush();
        }
    }

    /** Sends PING (flushing everything buffered before it). */
    void ping() throws IOException {
        synchronized (writeLock) {
            out.write(PING);
            out.flush();
        }
    }

    /**
     * Reads the next operation other than a server PING, which it answers with PONG. The reader's fields describe
     * the returned operation.
     */
    Op read() throws IOException {
        Op op = reader.next();
        while (op == Op.PING) {
            synchronized (writeLock) {
                out.write(PONG);
                out.flush();
            }
            op = reader.next();
        }
        return op;
    }

    /** Reads until PONG; a message or an {@code -ERR} on the way is a failure. */
    void awaitPong() throws IOException {
        while (true) {
            Op op = read();
            switch (op) {
                case PONG:
                    return;
                case INFO:
                case OK:
                    break;
                default:
                    throw new LoadFailure("expected PONG, got " + reader.text());
            }
        }
    }

    /** Sends PING and waits for its PONG: the server has then processed everything sent before. */
    void roundTrip() throws IOException {
        ping();
        awaitPong();
    }

    ProtocolReader reader() {
        return reader;
    }

    /** From now on reads block until data arrives or the connection is closed (for reader threads). */
    void blockIndefinitely() throws IOException {
        socket.setSoTimeout(0);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** {@code PUB subject [reply] size\r\npayload\r\n}, encoded once and written many times. */
    static byte[] pubFrame(String subject, String reply, byte[] payload) {
        String head = reply == null ? "PUB " + subject + " " + payload.length + "\r\n"
                : "PUB " + subject + " " + reply + " " + payload.length + "\r\n";
        byte[] headBytes = head.getBytes(US_ASCII);
        byte[] frame = new byte[headBytes.length + payload.length + 2];
        System.arraycopy(headBytes, 0, frame, 0, headBytes.length);
        System.arraycopy(payload, 0, frame, headBytes.length, payload.length);
        frame[frame.length - 2] = '\r';
        frame[frame.length - 1] = '\n';
        return frame;
    }

    /** A payload of {@code size} printable bytes. */
    static byte[] payload(int size) {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        return payload;
    }
}
