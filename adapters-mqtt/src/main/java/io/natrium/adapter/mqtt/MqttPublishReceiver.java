package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.NettyClientOutbound;
import io.natrium.application.port.in.ClientSession;
import io.natrium.domain.mqtt.InvalidTopicException;
import io.natrium.domain.mqtt.MqttTopics;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

/**
 * What the client publishes, as nats-server's {@code mqttParsePub} and {@code mqttProcessPub} take it: the topic
 * checked and mapped to its subject, the message routed ({@link MqttInbound}) and acknowledged at its QoS.
 * Confined to the channel's event loop.
 */
final class MqttPublishReceiver {

    private final MqttConnectionHandler connection;
    private final ClientSession session;
    private final NettyClientOutbound outbound;
    private final MqttInbound inbound;

    MqttPublishReceiver(MqttConnectionHandler connection, ClientSession session, NettyClientOutbound outbound,
            MqttInbound inbound) {
        this.connection = connection;
        this.session = session;
        this.outbound = outbound;
        this.inbound = inbound;
    }

    void publish(MqttPublishMessage message) {
        int qos = message.fixedHeader().qosLevel().value();
        if (qos > 1) {
            connection.protocolError("publish QoS=" + qos + " not supported");
            return;
        }
        String subject;
        try {
            subject = MqttTopics.publishSubject(message.variableHeader().topicName());
        } catch (InvalidTopicException e) {
            connection.protocolError(e.getMessage());
            return;
        }
        int packetId = message.variableHeader().packetId();
        if (qos > 0 && packetId == 0) {
            connection.protocolError("with QoS=" + qos + ", packet identifier cannot be 0");
            return;
        }
        inbound.route(subject, message.variableHeader().topicName(), qos, message.fixedHeader().isRetain(),
                message.payload());
        if (qos > 0 && !session.isClosed()) {
            outbound.sendFrame(MqttPackets.puback(packetId));
        }
    }
}
