package io.natrium.adapter.mqtt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The QoS 1 PUBLISH packets sent to one client and not acknowledged yet, by packet identifier: at most
 * {@code max_ack_pending} of them, each sent again, marked as a duplicate, once {@code ack_wait} passed without its
 * PUBACK (what nats-server's JetStream consumer does for an MQTT QoS 1 subscription). Publishers on any thread add
 * packets, the client's event loop acknowledges and resends them, so every method takes this object's lock; the
 * outbound's lock may be held when it is taken, never the other way round.
 */
final class InflightWindow {

    /** The DUP flag of a PUBLISH's first byte. */
    private static final int DUP = 0x08;

    private final int maxPending;
    private final Map<Integer, Sent> sent = new LinkedHashMap<>();
    private int lastIdentifier;

    /** A packet as it went out and when it did, so it can be sent again unchanged but for the DUP flag. */
    private static final class Sent {
        final byte[] packet;
        long sentNanos;

        Sent(byte[] packet, long sentNanos) {
            this.packet = packet;
            this.sentNanos = sentNanos;
        }
    }

    InflightWindow(int maxPending) {
        this.maxPending = maxPending;
    }

    /** A free packet identifier for one more packet, or 0 when {@code max_ack_pending} are out already. */
    synchronized int reserve() {
        if (sent.size() >= maxPending) {
            return 0;
        }
        int identifier = lastIdentifier;
        do {
            identifier = identifier == 0xFFFF ? 1 : identifier + 1;
        } while (sent.containsKey(identifier));
        lastIdentifier = identifier;
        // Held by a placeholder until the packet is written, so no other publisher takes the identifier meanwhile.
        sent.put(identifier, new Sent(null, 0));
        return identifier;
    }

    /** The packet that went out under {@code identifier}, now. */
    synchronized void sent(int identifier, byte[] packet, long nowNanos) {
        sent.put(identifier, new Sent(packet, nowNanos));
    }

    /** Gives a reserved identifier back: its packet could not be written. */
    synchronized void release(int identifier) {
        sent.remove(identifier);
    }

    /** The client's PUBACK; false when no such packet is out (acknowledged before, or never sent). */
    synchronized boolean acknowledge(int identifier) {
        return sent.remove(identifier) != null;
    }

    /** The packets sent at least {@code ackWaitNanos} ago, marked as duplicates and counted as sent again now. */
    synchronized List<byte[]> due(long nowNanos, long ackWaitNanos) {
        List<byte[]> due = new ArrayList<>();
        for (Sent packet : sent.values()) {
            if (packet.packet != null && nowNanos - packet.sentNanos >= ackWaitNanos) {
                packet.packet[0] |= DUP;
                packet.sentNanos = nowNanos;
                due.add(packet.packet);
            }
        }
        return due;
    }

    synchronized int size() {
        return sent.size();
    }

    synchronized void clear() {
        sent.clear();
    }
}
