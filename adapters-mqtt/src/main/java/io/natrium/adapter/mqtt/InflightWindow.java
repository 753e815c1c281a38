package io.natrium.adapter.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The QoS 1 PUBLISH packets sent to one client and not acknowledged yet, by packet identifier: at most
 * {@code max_ack_pending} of them, each sent again, marked as a duplicate, once {@code ack_wait} passed without its
 * PUBACK (what nats-server's JetStream consumer does for an MQTT QoS 1 subscription). Publishers on any thread add
 * packets, the client's event loop acknowledges and resends them, so every method takes this object's lock; the
 * outbound's lock may be held when it is taken, never the other way round.
 *
 * <p>A persistent session gives it a {@link SessionJournal}: then each packet is also kept in the MQTT store until
 * its PUBACK, and a packet that finds the window full waits in the backlog (and in the store) instead of being
 * dropped, to go out as acknowledgements free the window.
 */
final class InflightWindow {

    private final int maxPending;
    private final Map<Integer, Sent> sent = new LinkedHashMap<>();
    private final ArrayDeque<Waiting> backlog = new ArrayDeque<>();
    private SessionJournal journal;
    private int lastIdentifier;

    /** A packet as it went out and when it did, so it can be sent again unchanged but for the DUP flag. */
    private static final class Sent {
        byte[] packet;
        long sentNanos;
        final String key;

        Sent(byte[] packet, long sentNanos, String key) {
            this.packet = packet;
            this.sentNanos = sentNanos;
            this.key = key;
        }
    }

    /** A packet waiting for room in the window, with its key in the store. */
    private record Waiting(byte[] packet, String key) {
    }

    InflightWindow(int maxPending) {
        this.maxPending = maxPending;
    }

    /**
     * A persistent session resumes: from now on packets are kept through {@code journal} until acknowledged, and
     * what the store owed the session from before waits in the backlog, in order, ahead of anything new.
     */
    synchronized void resume(SessionJournal journal, Consumer<BiConsumer<String, byte[]>> owed) {
        this.journal = journal;
        owed.accept((key, packet) -> backlog.add(new Waiting(packet, key)));
    }

    /** Whether a packet that finds the window full waits in the backlog instead of being dropped. */
    synchronized boolean keepsOverflow() {
        return journal != null;
    }

    /** A free packet identifier for one more packet, or 0 when {@code max_ack_pending} are out already. */
    synchronized int reserve() {
        if (sent.size() >= maxPending || !backlog.isEmpty()) {
            return 0;
        }
        return take();
    }

    private int take() {
        int identifier = lastIdentifier;
        do {
            identifier = identifier == 0xFFFF ? 1 : identifier + 1;
        } while (sent.containsKey(identifier));
        lastIdentifier = identifier;
        // Held by a placeholder until the packet is written, so no other publisher takes the identifier meanwhile.
        sent.put(identifier, new Sent(null, 0, null));
        return identifier;
    }

    /** The packet that went out under {@code identifier}, now. */
    synchronized void sent(int identifier, byte[] packet, long nowNanos) {
        String key = journal == null ? null : journal.recordSent(packet);
        sent.put(identifier, new Sent(packet, nowNanos, key));
    }

    /** A packet for which the window had no room: kept until acknowledgements make room (persistent sessions). */
    synchronized void overflow(byte[] packet) {
        if (journal != null) {
            backlog.add(new Waiting(packet, journal.recordQueued(packet)));
        }
    }

    /** Moves what the window has room for from the backlog into it; returns those packets, to be sent now. */
    synchronized List<byte[]> admitBacklog(long nowNanos) {
        List<byte[]> admitted = new ArrayList<>();
        while (!backlog.isEmpty() && sent.size() < maxPending) {
            Waiting waiting = backlog.poll();
            int identifier = take();
            byte[] packet = MqttPackets.republish(waiting.packet, identifier,
                    MqttPackets.isDuplicate(waiting.packet));
            if (journal != null && !MqttPackets.isDuplicate(packet)) {
                // Sent once from now: after a restart it goes out again as a duplicate.
                journal.recordResent(waiting.key, MqttPackets.republish(packet, 0, true));
            }
            sent.put(identifier, new Sent(packet, nowNanos, waiting.key));
            admitted.add(packet);
        }
        return admitted;
    }

    /** Gives a reserved identifier back: its packet could not be written. */
    synchronized void release(int identifier) {
        sent.remove(identifier);
    }

    /** The client's PUBACK; false when no such packet is out (acknowledged before, or never sent). */
    synchronized boolean acknowledge(int identifier) {
        Sent removed = sent.remove(identifier);
        if (removed != null && removed.key != null && journal != null) {
            journal.acknowledged(removed.key);
        }
        return removed != null;
    }

    /** The packets sent at least {@code ackWaitNanos} ago, marked as duplicates and counted as sent again now. */
    synchronized List<byte[]> due(long nowNanos, long ackWaitNanos) {
        List<byte[]> due = new ArrayList<>();
        for (Sent packet : sent.values()) {
            if (packet.packet != null && nowNanos - packet.sentNanos >= ackWaitNanos) {
                packet.packet[0] |= MqttPackets.DUP;
                packet.sentNanos = nowNanos;
                due.add(packet.packet);
            }
        }
        return due;
    }

    synchronized int size() {
        return sent.size();
    }

    /** Forgets every packet; those of a persistent session stay in the store for its next connection. */
    synchronized void clear() {
        sent.clear();
        backlog.clear();
        journal = null;
    }
}
