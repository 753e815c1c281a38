package io.natrium.adapter.mqtt;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The connected MQTT clients by session ({@link MqttSessionKey}: client id within an account), for nats-server's
 * session takeover: a client that connects with the id of a connected one of the same account replaces it, and the
 * old one is closed. The same id in another account is another session.
 * <p>
 * A takeover puts the session in nats-server's "flappers" jail for {@link #JAIL} (its {@code mqttSessFlappingJailDur}):
 * a client connecting with that id meanwhile, typically the replaced one reconnecting at once, is held and closed
 * instead of taking the session back, so two applications sharing an id swap it at most once a second. The entry
 * goes when the session's holder leaves, or when a connection finds it older than the jail; it lives only while the
 * session has a holder, so no timer has to sweep it.
 */
public final class MqttClientIds {

    /** nats-server's {@code mqttSessFlappingJailDur}. */
    static final Duration JAIL = Duration.ofSeconds(1);

    private final ConcurrentMap<String, MqttConnectionHandler> connected = new ConcurrentHashMap<>();
    /** When each session was last taken over, in {@link #clock} nanoseconds. */
    private final ConcurrentMap<String, Long> flappers = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public MqttClientIds() {
        this(System::nanoTime);
    }

    MqttClientIds(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Whether a client connecting to {@code sessionKey} now must be held and closed: the session was taken over less
     * than {@link #JAIL} ago. An older entry is forgotten.
     */
    boolean jailed(String sessionKey) {
        Long since = flappers.get(sessionKey);
        if (since == null) {
            return false;
        }
        if (clock.getAsLong() - since > JAIL.toNanos()) {
            flappers.remove(sessionKey, since);
            return false;
        }
        return true;
    }

    /** Registers {@code client} under {@code sessionKey}; returns the client it replaces, or null. */
    MqttConnectionHandler takeOver(String sessionKey, MqttConnectionHandler client) {
        MqttConnectionHandler previous = connected.put(sessionKey, client);
        if (previous == null || previous == client) {
            return null;
        }
        flappers.put(sessionKey, clock.getAsLong());
        return previous;
    }

    /** Forgets {@code client}, unless another client has taken its session over since: then returns false. */
    boolean leave(String sessionKey, MqttConnectionHandler client) {
        if (!connected.remove(sessionKey, client)) {
            return false;
        }
        flappers.remove(sessionKey);
        return true;
    }

    /** How many MQTT clients are connected. */
    public int size() {
        return connected.size();
    }

    /** The QoS 1 and 2 messages sent to the connected clients and not acknowledged yet. */
    long inflightMessages() {
        long inflight = 0;
        for (MqttConnectionHandler client : connected.values()) {
            inflight += client.inflightMessages();
        }
        return inflight;
    }

    /** How many sessions are jailed or were until recently (their entries not yet forgotten). */
    int flapping() {
        return flappers.size();
    }
}
