package io.natrium.adapter.mqtt;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much the MQTT store keeps for one persistent session: at most {@code maxMessages} PUBLISH packets and
 * {@code maxBytes} of them. nats-server keeps what a session is owed in the {@code $MQTT_msgs} stream, bounded only
 * by the account's JetStream limits, past which storing fails; here a session that never returns must not fill the
 * disk, nor, through its backlog, the memory of a session that returns and does not acknowledge. A message that
 * finds its session at the bound is not kept for it (as a stream with the discard-new policy refuses it), and the
 * first one refused is logged until the session has room again. Thread-safe.
 */
final class OwedLimits {

    static final int DEFAULT_MESSAGES = 10_000;
    static final long DEFAULT_BYTES = 64L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(OwedLimits.class);

    private final int maxMessages;
    private final long maxBytes;
    private final ConcurrentMap<String, Held> sessions = new ConcurrentHashMap<>();

    /** What one session holds, and whether it was told it holds too much. */
    private static final class Held {
        int messages;
        long bytes;
        boolean full;
    }

    /** 10,000 messages or 64 MiB per session, whichever comes first; counts of its own, for one store. */
    static OwedLimits defaults() {
        return new OwedLimits(DEFAULT_MESSAGES, DEFAULT_BYTES);
    }

    OwedLimits(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** A packet of {@code size} bytes found in the store as it opens. */
    void kept(String sessionKey, int size) {
        Held held = sessions.computeIfAbsent(sessionKey, key -> new Held());
        synchronized (held) {
            held.messages++;
            held.bytes += size;
        }
    }

    /** Whether a packet of {@code size} bytes may be kept for the session; counted as kept when it may. */
    boolean admit(String sessionKey, int size) {
        Held held = sessions.computeIfAbsent(sessionKey, key -> new Held());
        synchronized (held) {
            if (held.messages >= maxMessages || held.bytes + size > maxBytes) {
                if (!held.full) {
                    held.full = true;
                    LOG.warn("MQTT session {} holds {} messages ({} bytes), its limit: further messages are not "
                            + "kept for it until it acknowledges some", MqttSessionKey.name(sessionKey),
                            held.messages, held.bytes);
                }
                return false;
            }
            held.messages++;
            held.bytes += size;
            held.full = false;
            return true;
        }
    }

    void resized(String sessionKey, int change) {
        Held held = sessions.get(sessionKey);
        if (held != null) {
            synchronized (held) {
                held.bytes += change;
            }
        }
    }

    void released(String sessionKey, int size) {
        Held held = sessions.get(sessionKey);
        if (held != null) {
            synchronized (held) {
                held.messages--;
                held.bytes -= size;
            }
        }
    }

    void forget(String sessionKey) {
        sessions.remove(sessionKey);
    }
}
