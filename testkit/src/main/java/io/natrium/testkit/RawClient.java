package io.natrium.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that speaks the NATS protocol as raw bytes, in the style of nats-server's black-box tests: send text,
 * then expect exact text, a pattern, nothing, or the close of the connection. Reads accumulate, so an expectation
 * may be met by several TCP segments.
 */
public final class RawClient implements AutoCloseable {

    /** nats-server's INFO line. */
    public static final Pattern INFO = Pattern.compile("\\AINFO \\{.*\\} \r\n");

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET_WAIT = Duration.ofMillis(150);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream unread = new ByteArrayOutputStream();
    private boolean closedByServer;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects and returns with the INFO line still unread. */
    public static RawClient connect(String host, int port) throws IOException {
        return connect(host, port, 0);
    }

    /**
     * Connects with a socket receive buffer of about {@code receiveBufferBytes} (0 for the system's default), e.g. to
     * make a subscriber that stops reading back up quickly; returns with the INFO line still unread.
     */
    public static RawClient connect(String host, int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress(host, port), (int) DEFAULT_WAIT.toMillis());
        return new RawClient(socket);
    }

    /** Connects, reads INFO and returns it. */
    public static RawClient connectAndReadInfo(String host, int port) throws IOException {
        RawClient client = connect(host, port);
        client.expectPattern(INFO);
        return client;
    }

    public RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads until the unread input starts with {@code expected}, then consumes it. */
    public RawClient expect(String expected) throws IOException {
        byte[] wanted = expected.getBytes(StandardCharsets.UTF_8);
        readUntil(() -> unread.size() >= wanted.length, DEFAULT_WAIT);
        String got = peek();
        if (!got.startsWith(expected)) {
            fail("expected %s but got %s", escape(expected), escape(got));
        }
        consume(wanted.length);
        return this;
    }

    /** Reads until the unread input starts with a match of {@code pattern}; consumes and returns the match. */
    public Matcher expectPattern(Pattern pattern) throws IOException {
        Matcher[] match = new Matcher[1];
        readUntil(() -> {
            Matcher m = pattern.matcher(peek());
            if (m.lookingAt()) {
                match[0] = m;
                return true;
            }
            return false;
        }, DEFAULT_WAIT);
        if (match[0] == null) {
            fail("expected a match of %s but got %s", pattern, escape(peek()));
        }
        consume(match[0].group().getBytes(StandardCharsets.UTF_8).length);
        return match[0];
    }

    /** Waits a short while and checks that nothing arrived. */
    public RawClient expectNothing() throws IOException {
        readUntil(() -> unread.size() > 0 || closedByServer, QUIET_WAIT);
        assertThat(peek()).as("nothing more from the server").isEmpty();
        assertThat(closedByServer).as("the connection is still open").isFalse();
        return this;
    }

    /** Reads until the server closes the connection; returns what arrived before the close. */
    public String readUntilClosed() throws IOException {
        readUntil(() -> closedByServer, DEFAULT_WAIT);
        if (!closedByServer) {
            fail("expected the server to close the connection; still open after %s, received %s", DEFAULT_WAIT,
                    escape(peek()));
        }
        String all = peek();
        unread.reset();
        return all;
    }

    /** Expects exactly {@code text} and then the close of the connection. */
    public void expectClose(String text) throws IOException {
        assertThat(readUntilClosed()).isEqualTo(text);
    }

    /** Reads for a while and returns (and consumes) everything received. */
    public String drain(Duration wait) throws IOException {
        readUntil(() -> false, wait);
        String all = peek();
        unread.reset();
        return all;
    }

    /**
     * Reads until the unread input holds a match of {@code pattern} anywhere, then returns and consumes everything
     * received; fails when none arrives within {@code wait}. For a marker the server sends after what is wanted.
     */
    public String drainThrough(Pattern pattern, Duration wait) throws IOException {
        readUntil(() -> pattern.matcher(peek()).find(), wait);
        String all = peek();
        if (!pattern.matcher(all).find()) {
            fail("expected a match of %s within %s but got %s", pattern, wait, escape(all));
        }
        unread.reset();
        return all;
    }

    /** Like {@link #drain}, as the bytes received: for answers that need not be UTF-8. */
    public byte[] drainBytes(Duration wait) throws IOException {
        readUntil(() -> false, wait);
        byte[] all = unread.toByteArray();
        unread.reset();
        return all;
    }

    /** What has been received and not yet consumed. */
    public String peek() {
        return unread.toString(StandardCharsets.UTF_8);
    }

    public boolean isClosedByServer() {
        return closedByServer;
    }

    /** The client's own port, as the server sees it. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Closes with a TCP reset instead of an orderly close, as a client that crashed would. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private interface Condition {
        boolean met();
    }

    private void readUntil(Condition condition, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buffer = new byte[65536];
        while (!condition.met() && !closedByServer) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                int read = in.read(buffer);
                if (read < 0) {
                    closedByServer = true;
                } else {
                    unread.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException e) {
                return;
            } catch (IOException e) {
                closedByServer = true;
            }
        }
    }

    private void consume(int length) {
        byte[] all = unread.toByteArray();
        unread.reset();
        unread.write(all, length, all.length - length);
    }

    private static String escape(String text) {
        return "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
