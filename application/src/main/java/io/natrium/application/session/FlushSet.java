package io.natrium.application.session;

import io.natrium.application.port.out.ClientOutbound;
import io.natrium.domain.HotPath;

import java.util.Arrays;

/**
 * The outbounds a connection queued messages for during one read: each is flushed once when the read ends (nats-
 * server's "pending client deliveries"). An open-addressing identity set, so adding allocates nothing once it has
 * grown to the connection's usual fan-out. Confined to the connection's thread.
 */
@HotPath
final class FlushSet {

    private ClientOutbound[] slots = new ClientOutbound[16];
    private ClientOutbound[] order = new ClientOutbound[8];
    private int size;

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
        }
        order[size++] = outbound;
        if (size * 2 > slots.length) {
            grow();
        }
    }

    int size() {
        return size;
    }

    /** Flushes every outbound once, in the order they were added, and empties the set. */
    void flushAll() {
        if (size == 0) {
            return;
        }
        int count = size;
        clear();
        for (int i = 0; i < count; i++) {
            ClientOutbound outbound = order[i];
            order[i] = null;
            outbound.flush();
        }
    }

    private void clear() {
        Arrays.fill(slots, null);
        size = 0;
    }

    private void grow() {
        ClientOutbound[] old = slots;
        slots = new ClientOutbound[old.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int index = mix(System.identityHashCode(order[i])) & mask;
            while (slots[index] != null) {
                index = index + 1 & mask;
            }
            slots[index] = order[i];
        }
    }

    private static int mix(int hash) {
        return hash * 0x9E3779B9;
    }
}
