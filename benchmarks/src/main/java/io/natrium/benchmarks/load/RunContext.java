package io.natrium.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections of one run against one server. Closing it closes them all, which also frees a thread blocked in a
 * socket write when a server stops reading.
 */
final class RunContext implements AutoCloseable {

    private final int port;
    private final Duration timeout;
    private final List<AutoCloseable> open = new ArrayList<>();

    RunContext(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    int port() {
        return port;
    }

    /** How long a run may wait for any progress before it fails. */
    Duration timeout() {
        return timeout;
    }

    /** A connection that stays open until the run ends. */
    NatsConnection connect() throws IOException {
        NatsConnection connection = NatsConnection.open(port, timeout);
        register(connection);
        return connection;
    }

    /**
     * A connection with {@code subscribe} subscriptions, read by its own thread; returns once the server has
     * registered them.
     */
    Subscriber subscriber(String name, Subscriber.MessageHandler handler, SubscriptionSetup subscribe)
            throws IOException {
        NatsConnection connection = connect();
        subscribe.accept(connection);
        Subscriber subscriber = Subscriber.start(connection, handler, name);
        register(subscriber);
        subscriber.sync(timeout);
        return subscriber;
    }

    private synchronized void register(AutoCloseable closeable) {
        open.add(closeable);
    }

    @Override
    public synchronized void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        open.clear();
    }

    /** Buffers the SUBs of a new subscriber connection. */
    @FunctionalInterface
    interface SubscriptionSetup {
        void accept(NatsConnection connection) throws IOException;
    }
}
