package io.natrium.benchmarks.load;

import io.natrium.benchmarks.load.ProtocolReader.Op;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A connection read by its own thread, which counts the messages it receives, answers server PINGs, counts PONGs
 * (so another thread can {@link #sync} with the server) and remembers the first error. Counts are published in
 * batches, not per message, to keep the reader cheap.
 */
final class Subscriber implements AutoCloseable {

    /** Called on the reader thread for each message; the reader's fields describe it. */
    @FunctionalInterface
    interface MessageHandler {
        void onMessage(ProtocolReader message, NatsConnection connection) throws IOException;
    }

    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    /** Counts are published every 1,024 messages, and whenever the reader has consumed everything it read. */
    private static final long PUBLISH_EVERY = 1023;

    private final NatsConnection connection;
    private final MessageHandler handler;
    private final Thread thread;
    private volatile long received;
    private volatile long lastArrivalNanos;
    private volatile long pongs;
    private volatile String failure;
    private volatile boolean closing;

    private Subscriber(NatsConnection connection, MessageHandler handler, String name) {
        this.connection = connection;
        this.handler = handler;
        this.thread = new Thread(this::readLoop, name);
        this.thread.setDaemon(true);
    }

    /** Takes over reading {@code connection}, whose subscriptions should already be buffered. */
    static Subscriber start(NatsConnection connection, MessageHandler handler, String name) throws IOException {
        connection.blockIndefinitely();
        Subscriber subscriber = new Subscriber(connection, handler, name);
        subscriber.thread.start();
        return subscriber;
    }

    NatsConnection connection() {
        return connection;
    }

    long received() {
        return received;
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /** The first {@code -ERR} or I/O error seen, or {@code null}. */
    String failure() {
        return failure;
    }

    /** Sends PING and waits for the PONG: every message the server queued for this connection before has arrived. */
    void sync(Duration timeout) throws IOException {
        long before = pongs;
        connection.ping();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pongs == before) {
            if (failure != null) {
                throw new LoadFailure(thread.getName() + ": " + failure);
            }
            if (System.nanoTime() > deadline) {
                throw new LoadFailure(thread.getName() + ": no PONG within " + timeout);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private void readLoop() {
        long count = 0;
        try {
            while (true) {
                Op op = connection.read();
                switch (op) {
                    case MSG:
                    case HMSG:
                        count++;
                        if (handler != null) {
                            handler.onMessage(connection.reader(), connection);
                        }
                        break;
                    case PONG:
                        publish(count);
                        pongs++;
                        break;
                    case ERR:
                        failure = connection.reader().text();
                        break;
                    default:
                        break;
                }
                if ((count & PUBLISH_EVERY) == 0 || !connection.reader().hasBuffered()) {
                    publish(count);
                }
            }
        } catch (IOException | RuntimeException e) {
            publish(count);
            if (!closing && failure == null) {
                failure = e.toString();
            }
        }
    }

    private void publish(long count) {
        if (count != received) {
            lastArrivalNanos = System.nanoTime();
            received = count;
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        connection.close();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
