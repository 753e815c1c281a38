package io.natrium.adapter.mqtt;

import io.natrium.application.port.in.ClientSession;
import io.natrium.domain.mqtt.InvalidTopicException;
import io.natrium.domain.mqtt.MqttTopics;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

/**
 * What the client publishes, as nats-server's {@code mqttParsePub} and {@code mqttProcessPub} take it: the topic
 * checked and mapped to its subject, the message routed ({@link MqttInbound}) and acknowledged at its QoS. A QoS 2
 * PUBLISH is kept in the {@link MqttState} under its packet identifier and answered with PUBREC, once whatever the
 * duplicates (nats-server's "method A", MQTT-4.3.3-2); the client's PUBREL routes it and is answered with PUBCOMP,
 * so it reaches subscribers exactly once. With {@code reject_qos2_publish} a QoS 2 PUBLISH closes the connection, as
 * nats-server 2.9.10 always does. Confined to the channel's event loop.
 */
final class MqttPublishReceiver {

    private final MqttConnectionHandler connection;
    private final ClientSession session;
    private final MqttTrace trace;
    private final MqttInbound inbound;
    private final MqttState state;
    private final MqttSessionState sessionState;
    private final boolean rejectQos2;
    /** The last topic published to and its subject: a client mostly publishes to the same few topics. */
    private String lastTopic;
    private String lastSubject;
    /** Why the last topic had no subject. */
    private String topicError;

    MqttPublishReceiver(MqttConnectionHandler connection, ClientSession session, MqttTrace trace,
            MqttInbound inbound, MqttState state, MqttSessionState sessionState, boolean rejectQos2) {
        this.connection = connection;
        this.session = session;
        this.trace = trace;
        this.inbound = inbound;
        this.state = state;
        this.sessionState = sessionState;
        this.rejectQos2 = rejectQos2;
    }

    void publish(MqttPublishMessage message) {
        int qos = message.fixedHeader().qosLevel().value();
        String topic = message.variableHeader().topicName();
        int packetId = message.variableHeader().packetId();
        String error = qos > 2 ? "QoS=" + qos + " is invalid in MQTT"
                : qos == 2 && rejectQos2 ? "QoS=2 is disabled for PUBLISH messages" : null;
        String subject = error == null ? subject(topic) : null;
        if (error == null && subject == null) {
            error = topicError;
        } else if (error == null && qos > 0 && packetId == 0) {
            error = "with QoS=" + qos + ", packet identifier cannot be 0";
        }
        if (error != null) {
            // As nats-server's trace: the error in place of the packet it could not read.
            trace.in("PUBLISH " + error);
            connection.protocolError(error);
            return;
        }
        boolean retain = message.fixedHeader().isRetain();
        if (trace.on()) {
            trace.in(MqttTrace.publish(topic, message.fixedHeader().isDup(), qos, retain,
                    message.payload().readableBytes(), qos > 0 ? packetId : 0));
            trace.payload(message.payload());
        }
        if (qos == 2) {
            state.received(sessionState.key(), packetId,
                    MqttPackets.publish(topic, 2, packetId, retain, ByteBufUtil.getBytes(message.payload())));
            trace.send(MqttPackets.pubrec(packetId));
            return;
        }
        inbound.route(subject, topic, qos, retain, message.payload());
        if (qos > 0 && !session.isClosed()) {
            trace.send(MqttPackets.puback(packetId));
        }
    }

    /** The subject of {@code topic}; null when it has none ({@link #topicError} says why). */
    private String subject(String topic) {
        if (topic.equals(lastTopic)) {
            return lastSubject;
        }
        try {
            lastSubject = MqttTopics.publishSubject(topic);
            lastTopic = topic;
            return lastSubject;
        } catch (InvalidTopicException e) {
            topicError = e.getMessage();
            return null;
        }
    }

    /**
     * The client's PUBREL: the QoS 2 PUBLISH it sent under {@code packetId}, if it is still kept (a repeated PUBREL
     * finds nothing), goes to subscribers now; PUBCOMP answers either way.
     */
    void release(int packetId) {
        byte[] packet = state.released(sessionState.key(), packetId);
        if (packet != null) {
            StoredMessage message = MqttPackets.message(packet);
            try {
                inbound.route(MqttTopics.publishSubject(message.topic()), message.topic(), 2,
                        MqttPackets.isRetained(packet), Unpooled.wrappedBuffer(message.payload()));
            } catch (InvalidTopicException e) {
                // Checked when the PUBLISH came: a kept packet always has a valid topic.
                throw new IllegalStateException(e);
            }
        }
        if (!session.isClosed()) {
            trace.send(MqttPackets.pubcomp(packetId));
        }
    }
}
