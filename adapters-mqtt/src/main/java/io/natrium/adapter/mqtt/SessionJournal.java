package io.natrium.adapter.mqtt;

/**
 * Keeps a persistent session's QoS 1 and 2 packets in the {@link MqttStore} from the moment they are sent or queued
 * until the client acknowledges them, and the identifiers of its PUBRELs until their PUBCOMP, so that a
 * reconnection, a takeover or a restart delivers them again.
 */
final class SessionJournal {

    private final MqttStore store;
    private final String clientId;

    SessionJournal(MqttStore store, String clientId) {
        this.store = store;
        this.clientId = clientId;
    }

    /**
     * A packet that went out: kept marked as a duplicate, as it goes out again after a reconnection. Null when the
     * session holds as much as it may ({@link OwedLimits}): then only the connection has it.
     */
    String recordSent(byte[] packet) {
        return store.addMessage(clientId, MqttPackets.republish(packet, 0, true));
    }

    /** A packet that waits for room in the window: kept as it is. */
    String recordQueued(byte[] packet) {
        return store.addMessage(clientId, MqttPackets.republish(packet, 0, MqttPackets.isDuplicate(packet)));
    }

    void recordResent(String key, byte[] packet) {
        store.replaceMessage(key, packet);
    }

    void acknowledged(String key) {
        store.removeMessage(key);
    }

    void releasing(int packetId) {
        store.releasing(clientId, packetId);
    }

    void completed(int packetId) {
        store.completed(clientId, packetId);
    }
}
