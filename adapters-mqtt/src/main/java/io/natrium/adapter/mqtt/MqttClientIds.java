package io.natrium.adapter.mqtt;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The connected MQTT clients by session ({@link MqttSessionKey}: client id within an account), for nats-server's
 * session takeover: a client that connects with the id of a connected one of the same account replaces it, and the
 * old one is closed. The same id in another account is another session.
 */
public final class MqttClientIds {

    private final ConcurrentMap<String, MqttConnectionHandler> connected = new ConcurrentHashMap<>();

    /** Registers {@code client} under {@code sessionKey}; returns the client it replaces, or null. */
    MqttConnectionHandler takeOver(String sessionKey, MqttConnectionHandler client) {
        MqttConnectionHandler previous = connected.put(sessionKey, client);
        return previous == client ? null : previous;
    }

    /** Forgets {@code client}, unless another client has taken its session over since: then returns false. */
    boolean leave(String sessionKey, MqttConnectionHandler client) {
        return connected.remove(sessionKey, client);
    }

    /** How many MQTT clients are connected. */
    public int size() {
        return connected.size();
    }
}
