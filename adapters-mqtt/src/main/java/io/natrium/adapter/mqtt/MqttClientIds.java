package io.natrium.adapter.mqtt;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The connected MQTT clients by client id, for nats-server's session takeover: a client that connects with the id
 * of a connected one replaces it, and the old one is closed. Server-wide for now (nats-server keeps them per
 * account): two accounts cannot use the same client id at the same time.
 */
public final class MqttClientIds {

    private final ConcurrentMap<String, MqttConnectionHandler> connected = new ConcurrentHashMap<>();

    /** Registers {@code client} under {@code clientId}; returns the client it replaces, or null. */
    MqttConnectionHandler takeOver(String clientId, MqttConnectionHandler client) {
        MqttConnectionHandler previous = connected.put(clientId, client);
        return previous == client ? null : previous;
    }

    /** Forgets {@code client}, unless another client has taken its id over since. */
    void leave(String clientId, MqttConnectionHandler client) {
        connected.remove(clientId, client);
    }

    /** How many MQTT clients are connected. */
    public int size() {
        return connected.size();
    }
}
