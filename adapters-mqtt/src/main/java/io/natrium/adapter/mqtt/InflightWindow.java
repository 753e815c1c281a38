package io.natrium.adapter.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The QoS 1 and 2 PUBLISH packets sent to one client and not acknowledged yet, by packet identifier: at most
 * {@code max_ack_pending} of them, each sent again, marked as a duplicate, once {@code ack_wait} passed without its
 * PUBACK or PUBREC (what nats-server's JetStream consumer does for an MQTT QoS 1 or 2 subscription); and the PUBREL
 * packets sent for QoS 2 PUBLISH packets the client received, until its PUBCOMP, sent again after {@code ack_wait}
 * too (nats-server's PUBREL consumer). A PUBREL holds its packet identifier but not a place in the window, as in
 * nats-server, which counts only PUBLISH packets against {@code max_ack_pending}. Publishers on any thread add
 * packets, the client's event loop acknowledges and resends them, so every method takes this object's lock; the
 * outbound's lock may be held when it is taken, never the other way round.
 *
 * <p>A packet that finds the window full waits in the backlog instead of being dropped, to go out as acknowledgements
 * free the window, as a message waits in nats-server's stream for its consumer: in memory for a clean session (up to
 * {@link OwedLimits}' default bound, past which it is dropped), and for a persistent session, which gives the window a
 * {@link SessionJournal}, in the MQTT store too, where each packet is also kept until its PUBACK.
 */
final class InflightWindow {

    /**
     * {@code max_ack_pending} as it is now: a reload changes it for connected sessions too, as nats-server's
     * {@code mqttUpdateMaxAckPending} does.
     */
    private final IntSupplier maxPending;
    private final Map<Integer, Sent> sent = new LinkedHashMap<>();
    /** PUBREL packets not completed yet: packet identifier → when the PUBREL went out. */
    private final Map<Integer, Long> releasing = new LinkedHashMap<>();
    private final ArrayDeque<Waiting> backlog = new ArrayDeque<>();
    private SessionJournal journal;
    private int lastIdentifier;
    /** The bytes of the backlog's packets while no journal keeps them: what a clean session holds in memory. */
    private long backlogBytes;

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
        this(() -> maxPending);
    }

    InflightWindow(IntSupplier maxPending) {
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

    /**
     * The PUBRELs a persistent session's client had not completed: they go out again now, under their packet
     * identifiers (MQTT-4.4.0-1), which no PUBLISH takes meanwhile. Returns the packets to send.
     */
    synchronized List<byte[]> resumeReleases(List<Integer> identifiers, long nowNanos) {
        List<byte[]> packets = new ArrayList<>(identifiers.size());
        for (int identifier : identifiers) {
            releasing.put(identifier, nowNanos);
            packets.add(MqttPackets.pubrel(identifier));
        }
        return packets;
    }

    /** Whether a packet that finds the window full waits in the backlog instead of being dropped: always. */
    synchronized boolean keepsOverflow() {
        return true;
    }

    /** A free packet identifier for one more packet, or 0 when {@code max_ack_pending} are out already. */
    synchronized int reserve() {
        if (sent.size() >= maxPending.getAsInt() || !backlog.isEmpty() || !identifierFree()) {
            return 0;
        }
        return take();
    }

    /** Whether some packet identifier is neither out in a PUBLISH nor held by a PUBREL. */
    private boolean identifierFree() {
        return sent.size() + releasing.size() < 0xFFFF;
    }

    private int take() {
        int identifier = lastIdentifier;
        do {
            identifier = identifier == 0xFFFF ? 1 : identifier + 1;
        } while (sent.containsKey(identifier) || releasing.containsKey(identifier));
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

    /**
     * A packet for which the window had no room: kept until acknowledgements make room, unless the session holds as
     * much as {@link OwedLimits} lets it already (in the store, or in memory for a clean session). Returns whether
     * the window has room for the backlog now: a PUBACK came between {@link #reserve} and this call and found no
     * backlog to admit, so nothing else would send it until the next PUBACK, which may never come.
     */
    synchronized boolean overflow(byte[] packet) {
        if (journal != null) {
            String key = journal.recordQueued(packet);
            if (key != null) {
                backlog.add(new Waiting(packet, key));
            }
        } else if (backlog.size() < OwedLimits.DEFAULT_MESSAGES
                && backlogBytes + packet.length <= OwedLimits.DEFAULT_BYTES) {
            backlog.add(new Waiting(packet, null));
            backlogBytes += packet.length;
        }
        return !backlog.isEmpty() && sent.size() < maxPending.getAsInt() && identifierFree();
    }

    /** Moves what the window has room for from the backlog into it; returns those packets, to be sent now. */
    synchronized List<byte[]> admitBacklog(long nowNanos) {
        List<byte[]> admitted = new ArrayList<>();
        int limit = maxPending.getAsInt();
        while (!backlog.isEmpty() && sent.size() < limit && identifierFree()) {
            Waiting waiting = backlog.poll();
            if (waiting.key == null) {
                backlogBytes -= waiting.packet.length;
            }
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

    /**
     * The client's PUBREC: the PUBLISH is delivered and leaves the window; its packet identifier now waits for the
     * PUBCOMP of the PUBREL the caller sends. A PUBREC for a PUBREL already out is answered again the same way. False
     * when the identifier is neither: a PUBREL answers it all the same, and nothing waits for its PUBCOMP.
     */
    synchronized boolean received(int identifier, long nowNanos) {
        boolean known = acknowledge(identifier) || releasing.containsKey(identifier);
        if (known) {
            releasing.put(identifier, nowNanos);
            if (journal != null) {
                journal.releasing(identifier);
            }
        }
        return known;
    }

    /** The client's PUBCOMP: the QoS 2 exchange under {@code identifier} is over, and the identifier free. */
    synchronized void completed(int identifier) {
        if (releasing.remove(identifier) != null && journal != null) {
            journal.completed(identifier);
        }
    }

    /**
     * The packets sent at least {@code ackWaitNanos} ago, counted as sent again now: PUBLISH packets marked as
     * duplicates, and PUBRELs (which have no such flag).
     */
    synchronized List<byte[]> due(long nowNanos, long ackWaitNanos) {
        List<byte[]> due = new ArrayList<>();
        for (Sent packet : sent.values()) {
            if (packet.packet != null && nowNanos - packet.sentNanos >= ackWaitNanos) {
                packet.packet[0] |= MqttPackets.DUP;
                packet.sentNanos = nowNanos;
                due.add(packet.packet);
            }
        }
        for (Map.Entry<Integer, Long> release : releasing.entrySet()) {
            if (nowNanos - release.getValue() >= ackWaitNanos) {
                release.setValue(nowNanos);
                due.add(MqttPackets.pubrel(release.getKey()));
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
        releasing.clear();
        backlog.clear();
        backlogBytes = 0;
        journal = null;
    }
}
