package io.natrium.benchmarks.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * All connections of one run on one thread, the caller's: a selector over non-blocking sockets, driven by
 * {@link #runUntil} while the scenario waits for a condition. One thread for every connection keeps the tool's share
 * of a small machine's cores to one at most, and costs no hand-over between threads: a publisher's batches and the
 * subscribers' reads are served in turn as the sockets become ready.
 */
final class IoLoop implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final long SELECT_MILLIS = 100;

    private final int port;
    /** The server's WebSocket port, or 0 when it has no WebSocket listener. */
    private final int websocketPort;
    private final Duration timeout;
    private final Selector selector;
    private final List<Connection> connections = new ArrayList<>();
    private final Consumer<SelectionKey> ready = IoLoop::ready;

    IoLoop(int port, int websocketPort, Duration timeout) throws IOException {
        this.port = port;
        this.websocketPort = websocketPort;
        this.timeout = timeout;
        this.selector = Selector.open();
    }

    int port() {
        return port;
    }

    Duration timeout() {
        return timeout;
    }

    /** Connects (blocking), then hands the socket to the loop and queues CONNECT; the server's INFO is scanned. */
    Connection connect(String name, FrameScanner scanner) throws IOException {
        SocketChannel channel = open(port);
        try {
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return adopt(new Connection(name, channel, scanner));
    }

    /**
     * As {@link #connect}, through the server's WebSocket listener: the upgrade (offering permessage-deflate when
     * {@code deflate}) is done blocking, before the socket joins the loop.
     */
    Connection connectWebsocket(String name, FrameScanner scanner, boolean deflate) throws IOException {
        if (websocketPort == 0) {
            throw new LoadFailure("this server was started without a WebSocket listener");
        }
        SocketChannel channel = open(websocketPort);
        WebsocketFraming framing;
        try {
            channel.socket().setSoTimeout((int) timeout.toMillis());
            framing = WebsocketFraming.upgrade(channel, HOST, websocketPort, deflate);
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return adopt(new Connection(name, channel, scanner, framing));
    }

    private SocketChannel open(int target) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(new InetSocketAddress(HOST, target), (int) timeout.toMillis());
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private Connection adopt(Connection connection) throws IOException {
        SocketChannel channel = connection.channel();
        connection.register(channel.register(selector, SelectionKey.OP_READ, connection));
        connections.add(connection);
        connection.send(Connection.CONNECT);
        return connection;
    }

    /**
     * Serves the connections until {@code done}; fails as soon as a connection fails (an I/O error, {@code -ERR}, a
     * miscount seen by its scanner) or when no byte moves for the timeout.
     */
    void runUntil(BooleanSupplier done, String waitingFor) throws IOException {
        long lastTraffic = traffic();
        long lastProgress = System.nanoTime();
        while (!done.getAsBoolean()) {
            checkFailures();
            if (Thread.interrupted()) {
                throw new InterruptedIOException("interrupted while waiting for " + waitingFor);
            }
            selector.select(ready, SELECT_MILLIS);
            long traffic = traffic();
            long now = System.nanoTime();
            if (traffic != lastTraffic) {
                lastTraffic = traffic;
                lastProgress = now;
            } else if (now - lastProgress > timeout.toNanos()) {
                throw new LoadFailure("stalled waiting for " + waitingFor + ": nothing moved for "
                        + timeout.toSeconds() + " s; " + describe());
            }
        }
        checkFailures();
    }

    /** PING on each connection (after its publishing has finished) and wait for every PONG. */
    void sync(List<Connection> targets) throws IOException {
        runUntil(() -> targets.stream().noneMatch(Connection::publishing), "publishers to finish writing");
        long[] before = new long[targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            before[i] = targets.get(i).scanner().pongs();
            targets.get(i).ping();
        }
        runUntil(() -> {
            for (int i = 0; i < before.length; i++) {
                if (targets.get(i).scanner().pongs() == before[i]) {
                    return false;
                }
            }
            return true;
        }, "PONGs");
        for (Connection connection : targets) {
            if (connection.scanner().infos() == 0) {
                throw new LoadFailure(connection + ": no INFO from the server");
            }
        }
    }

    void checkFailures() throws LoadFailure {
        for (Connection connection : connections) {
            String failure = connection.failure();
            if (failure != null) {
                throw new LoadFailure(connection + ": " + failure + "; " + describe());
            }
        }
    }

    private static void ready(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        if (key.isReadable()) {
            connection.read();
        }
        if (key.isValid() && key.isWritable()) {
            connection.flush();
        }
    }

    private long traffic() {
        long sum = 0;
        for (Connection connection : connections) {
            sum += connection.traffic();
        }
        return sum;
    }

    /** Each connection's message count, for failure reports. */
    private String describe() {
        StringBuilder text = new StringBuilder("received");
        for (Connection connection : connections) {
            text.append(' ').append(connection).append('=').append(connection.scanner().messages());
        }
        return text.toString();
    }

    @Override
    public void close() {
        connections.forEach(Connection::close);
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
