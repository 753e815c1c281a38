package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.NettyClientOutbound;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's side of the shared {@link MqttState}: its session's key (client id within the account it
 * authenticated into), whether the session is persistent, the subscriptions, owed messages and PUBRELs it resumes,
 * the subscriptions it keeps, the retained messages a new subscription gets, and the acknowledgements of what it was
 * sent. Confined to the connection's event loop.
 */
final class MqttSessionState {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSessionState.class);

    private final MqttState state;
    private final InflightWindow inflight;
    private final NettyClientOutbound outbound;
    private final MqttTrace trace;
    private final Object connection;
    /** {@code reject_qos2_publish}: retained messages are not given at QoS 2 either, as in nats-server. */
    private final boolean rejectQos2;
    private String sessionKey;
    private String account;
    private boolean persistent;

    MqttSessionState(MqttState state, InflightWindow inflight, NettyClientOutbound outbound, MqttTrace trace,
            Object connection, boolean rejectQos2) {
        this.state = state;
        this.inflight = inflight;
        this.outbound = outbound;
        this.trace = trace;
        this.connection = connection;
        this.rejectQos2 = rejectQos2;
    }

    /** The client was accepted into {@code accountName}; returns CONNACK's session present flag. */
    boolean open(String accountName, String key, boolean cleanSession) {
        account = accountName;
        sessionKey = key;
        persistent = !cleanSession;
        return state.open(key, cleanSession);
    }

    /** The account the client is in; null before it is accepted. */
    String account() {
        return account;
    }

    /** The session's key in the {@link MqttState}; null before the client is accepted. */
    String key() {
        return sessionKey;
    }

    /**
     * After CONNACK: a persistent session takes back its subscriptions (without SUBACK, and without retained
     * messages, as nats-server), is sent again the PUBRELs its client had not completed, then what it is owed,
     * oldest first, as far as {@code max_ack_pending} lets.
     */
    void resume(MqttSubscriptions subscriptions) {
        if (!persistent) {
            return;
        }
        inflight.resume(state.journal(sessionKey), owed -> state.owed(sessionKey, owed));
        for (byte[] pubrel : inflight.resumeReleases(state.releasing(sessionKey), System.nanoTime())) {
            trace.send(pubrel);
        }
        state.subscriptions(sessionKey).forEach(subscriptions::subscribe);
        state.online(sessionKey, connection);
        sendBacklog();
    }

    /** The client's PUBACK: frees its packet, and its place in the window for the next one owed. */
    void acknowledged(int packetId) {
        inflight.acknowledge(packetId);
        sendBacklog();
    }

    /** The client's PUBREC: the PUBLISH is delivered; the PUBREL that releases it goes out (MQTT-4.3.3-1). */
    void received(int packetId) {
        inflight.received(packetId, System.nanoTime());
        trace.send(MqttPackets.pubrel(packetId));
        sendBacklog();
    }

    /** The client's PUBCOMP: the QoS 2 exchange is over. */
    void completed(int packetId) {
        inflight.completed(packetId);
    }

    /**
     * Sends again the packets that waited {@code ackWait} for their PUBACK, PUBREC or PUBCOMP, then what waits in the
     * backlog if the window has room for it without a PUBACK: {@code max_ack_pending} was raised by a reload.
     */
    void resendDue(Duration ackWait) {
        List<byte[]> due = inflight.due(System.nanoTime(), ackWait.toNanos());
        for (byte[] packet : due) {
            trace.send(packet);
        }
        if (sendBacklog() || !due.isEmpty()) {
            outbound.flush();
        }
    }

    /** Sends what waits in the backlog and has room in the window now, on the client's thread. */
    void sendWaiting() {
        if (sendBacklog()) {
            outbound.flush();
        }
    }

    /** Sends what the window has room for from the backlog; whether there was any. */
    private boolean sendBacklog() {
        List<byte[]> admitted = inflight.admitBacklog(System.nanoTime());
        for (byte[] packet : admitted) {
            trace.send(packet);
        }
        return !admitted.isEmpty();
    }

    /** After SUBACK: the subscriptions are kept, and each granted filter gets the retained messages it matches. */
    void subscribed(MqttSubscriptions subscriptions, List<String> filters, List<Integer> codes) {
        if (persistent) {
            state.subscriptionsChanged(sessionKey, subscriptions.filters());
        }
        for (int i = 0; i < filters.size(); i++) {
            int granted = codes.get(i);
            if (granted != MqttPackets.SUBSCRIPTION_FAILURE) {
                for (StoredMessage retained : state.retainedFor(account, filters.get(i))) {
                    sendRetained(filters.get(i), retained, Math.min(granted, retained.qos()));
                }
            }
        }
    }

    void unsubscribed(MqttSubscriptions subscriptions) {
        if (persistent) {
            state.subscriptionsChanged(sessionKey, subscriptions.filters());
        }
    }

    /** A retained message, with the retain flag (MQTT-3.3.1-8), at the lower of its QoS and the subscription's. */
    private void sendRetained(String filter, StoredMessage message, int qos) {
        if (qos == 0) {
            trace.send(MqttPackets.publish(message.topic(), 0, 0, true, message.payload()));
            return;
        }
        if (qos == 2 && rejectQos2) {
            LOG.warn("{} - Rejecting retained message with QoS2 for subscription \"{}\", as configured", connection,
                    filter);
            return;
        }
        int packetId = inflight.reserve();
        if (packetId == 0) {
            if (inflight.keepsOverflow()) {
                inflight.overflow(MqttPackets.publish(message.topic(), qos, 0, true, message.payload()));
            }
            return;
        }
        byte[] packet = MqttPackets.publish(message.topic(), qos, packetId, true, message.payload());
        inflight.sent(packetId, packet, System.nanoTime());
        trace.send(packet);
    }

    /**
     * The connection is gone: unless another took it over, a persistent session's messages are kept for it from now
     * on, and a clean session's QoS 2 exchanges end with it (MQTT-3.1.2-6), when it was still this connection's.
     */
    void closed(boolean held) {
        if (sessionKey == null) {
            return;
        }
        if (persistent) {
            state.offline(sessionKey, connection);
        } else if (held) {
            state.endExchanges(sessionKey);
        }
    }
}
