package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.NettyClientOutbound;

import java.time.Duration;
import java.util.List;

/**
 * One connection's side of the shared {@link MqttState}: whether its session is persistent, the subscriptions and
 * owed messages it resumes, the subscriptions it keeps, the retained messages a new subscription gets. Confined to
 * the connection's event loop.
 */
final class MqttSessionState {

    private final MqttState state;
    private final InflightWindow inflight;
    private final NettyClientOutbound outbound;
    private final Object connection;
    private String clientId;
    private boolean persistent;

    MqttSessionState(MqttState state, InflightWindow inflight, NettyClientOutbound outbound, Object connection) {
        this.state = state;
        this.inflight = inflight;
        this.outbound = outbound;
        this.connection = connection;
    }

    /** The client was accepted; returns CONNACK's session present flag. */
    boolean open(String id, boolean cleanSession) {
        clientId = id;
        persistent = !cleanSession;
        return state.open(id, cleanSession);
    }

    /**
     * After CONNACK: a persistent session takes back its subscriptions (without SUBACK, and without retained
     * messages, as nats-server) and is sent what it is owed, oldest first, as far as {@code max_ack_pending} lets.
     */
    void resume(MqttSubscriptions subscriptions) {
        if (!persistent) {
            return;
        }
        inflight.resume(state.journal(clientId), owed -> state.owed(clientId, owed));
        state.subscriptions(clientId).forEach(subscriptions::subscribe);
        state.online(clientId, connection);
        sendBacklog();
    }

    /** The client's PUBACK: frees its packet, and its place in the window for the next one owed. */
    void acknowledged(int packetId) {
        inflight.acknowledge(packetId);
        sendBacklog();
    }

    /** Sends again, marked as duplicates, the packets that waited {@code ackWait} for their PUBACK. */
    void resendDue(Duration ackWait) {
        List<byte[]> due = inflight.due(System.nanoTime(), ackWait.toNanos());
        for (byte[] packet : due) {
            outbound.sendFrame(packet);
        }
        if (!due.isEmpty()) {
            outbound.flush();
        }
    }

    private void sendBacklog() {
        List<byte[]> admitted = inflight.admitBacklog(System.nanoTime());
        for (byte[] packet : admitted) {
            outbound.sendFrame(packet);
        }
    }

    /** After SUBACK: the subscriptions are kept, and each granted filter gets the retained messages it matches. */
    void subscribed(MqttSubscriptions subscriptions, List<String> filters, List<Integer> codes) {
        if (persistent) {
            state.subscriptionsChanged(clientId, subscriptions.filters());
        }
        for (int i = 0; i < filters.size(); i++) {
            int granted = codes.get(i);
            if (granted != MqttPackets.SUBSCRIPTION_FAILURE) {
                for (StoredMessage retained : state.retainedFor(filters.get(i))) {
                    sendRetained(retained, Math.min(granted, retained.qos()));
                }
            }
        }
    }

    void unsubscribed(MqttSubscriptions subscriptions) {
        if (persistent) {
            state.subscriptionsChanged(clientId, subscriptions.filters());
        }
    }

    /** A retained message, with the retain flag (MQTT-3.3.1-8), at the lower of its QoS and the subscription's. */
    private void sendRetained(StoredMessage message, int qos) {
        if (qos == 0) {
            outbound.sendFrame(MqttPackets.publish(message.topic(), 0, 0, true, message.payload()));
            return;
        }
        int packetId = inflight.reserve();
        if (packetId == 0) {
            if (inflight.keepsOverflow()) {
                inflight.overflow(MqttPackets.publish(message.topic(), 1, 0, true, message.payload()));
            }
            return;
        }
        byte[] packet = MqttPackets.publish(message.topic(), 1, packetId, true, message.payload());
        inflight.sent(packetId, packet, System.nanoTime());
        outbound.sendFrame(packet);
    }

    /** The connection is gone: unless another took it over, the session's messages are kept for it from now on. */
    void closed() {
        if (persistent && clientId != null) {
            state.offline(clientId, connection);
        }
    }
}
