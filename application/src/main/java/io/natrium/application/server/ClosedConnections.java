package io.natrium.application.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The last closed connections, oldest first: a ring of {@code max_closed_clients} entries (nats-server's closed
 * ring). Connections add to it from their own threads as they close; monitoring copies it.
 */
public final class ClosedConnections {

    /** nats-server's default {@code max_closed_clients}. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final ClosedConnection[] ring;
    private long total;

    public ClosedConnections(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.ring = new ClosedConnection[capacity];
    }

    public synchronized void add(ClosedConnection closed) {
        ring[(int) (total % ring.length)] = closed;
        total++;
    }

    /** A copy of what the ring holds, oldest first. */
    public synchronized List<ClosedConnection> snapshot() {
        int size = (int) Math.min(total, ring.length);
        List<ClosedConnection> copy = new ArrayList<>(size);
        int head = (int) (total % ring.length);
        int first = total > ring.length ? head : 0;
        for (int i = 0; i < size; i++) {
            copy.add(ring[(first + i) % ring.length]);
        }
        return copy;
    }

    /** How many connections ever closed, including those the ring no longer holds. */
    public synchronized long total() {
        return total;
    }

    public int capacity() {
        return ring.length;
    }
}
