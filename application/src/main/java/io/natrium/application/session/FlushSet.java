package io.natrium.application.session;

import io.natrium.application.port.out.ClientOutbound;
import io.natrium.domain.HotPath;

import java.util.Arrays;

/**
 * The outbounds a connection queued messages for during one read: each is flushed once when the read ends (nats-
 * server's "pending client deliveries"). An open-addressing identity set, so adding allocates nothing once it has
 * grown to the connection's usual fan-out. Confined to the connection's thread.
 *
 * <p>Emptying it costs what the read added, not what the table holds: the slot of every outbound is remembered and
 * only those slots are cleared. A table grown by one large fan-out shrinks back once a window of
 * {@link #SHRINK_WINDOW} reads has needed at most a quarter of it.
 */
@HotPath
final class FlushSet {

    /**
     * Most connections only ever flush themselves (a PONG, +OK) or a few subscribers, and every connection has one:
     * small to begin with, grown by the first larger fan-out.
     */
    static final int INITIAL_CAPACITY = 4;
    static final int SHRINK_WINDOW = 1024;

    private ClientOutbound[] slots = new ClientOutbound[INITIAL_CAPACITY];
    private ClientOutbound[] order = new ClientOutbound[INITIAL_CAPACITY / 2];
    /** The slot of each outbound in {@link #order}. */
    private int[] positions = new int[INITIAL_CAPACITY / 2];
    private int size;
    private int readsInWindow;
    private int largestInWindow;

    void add(ClientOutbound outbound) {
        int mask = slots.length - 1;
        int index = mix(System.identityHashCode(outbound)) & mask;
        while (slots[index] != null) {
            if (slots[index] == outbound) {
                return;
            }
            index = index + 1 & mask;
        }
        slots[index] = outbound;
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
        }
        order[size] = outbound;
        positions[size] = index;
        size++;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
    }

    int size() {
        return size;
    }

    /** The number of slots of the hash table. */
    int capacity() {
        return slots.length;
    }

    /** Flushes every outbound once, in the order they were added, and empties the set. */
    void flushAll() {
        int count = size;
        if (count > 0) {
            for (int i = 0; i < count; i++) {
                slots[positions[i]] = null;
            }
            size = 0;
            for (int i = 0; i < count; i++) {
                ClientOutbound outbound = order[i];
                order[i] = null;
                outbound.flush();
            }
        }
        shrinkWhenOversized(count);
    }

    /** Called with the set empty, after a read; allocates only when it shrinks, once per window at most. */
    private void shrinkWhenOversized(int count) {
        largestInWindow = Math.max(largestInWindow, count);
        if (++readsInWindow < SHRINK_WINDOW) {
            return;
        }
        int fitting = Math.max(INITIAL_CAPACITY, Integer.highestOneBit(Math.max(1, largestInWindow * 2 - 1)) << 1);
        if (fitting * 4 <= slots.length) {
            slots = new ClientOutbound[fitting];
            order = new ClientOutbound[fitting / 2];
            positions = new int[fitting / 2];
        }
        readsInWindow = 0;
        largestInWindow = 0;
    }

    private void rehash(int capacity) {
        slots = new ClientOutbound[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int index = mix(System.identityHashCode(order[i])) & mask;
            while (slots[index] != null) {
                index = index + 1 & mask;
            }
            slots[index] = order[i];
            positions[i] = index;
        }
    }

    private static int mix(int hash) {
        return hash * 0x9E3779B9;
    }
}
