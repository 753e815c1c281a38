package io.natrium.adapter.mqtt;

import io.natrium.domain.mqtt.InvalidTopicException;
import io.natrium.domain.mqtt.MqttTopics;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;

/**
 * The will of a CONNECT (MQTT 3.1.1 §3.1.2.5): published as the client's own PUBLISH would be, at its QoS and with
 * its retain flag, when an accepted client's connection ends other than by DISCONNECT.
 */
final class MqttWill {

    private final String subject;
    private final StoredMessage message;
    private final boolean retain;

    private MqttWill(String subject, StoredMessage message, boolean retain) {
        this.subject = subject;
        this.message = message;
        this.retain = retain;
    }

    /** The will of a CONNECT with the will flag; its topic must be one a PUBLISH may have. */
    static MqttWill of(MqttConnectVariableHeader header, MqttConnectPayload payload) throws InvalidTopicException {
        String topic = payload.willTopic() == null ? "" : payload.willTopic();
        byte[] body = payload.willMessageInBytes();
        return new MqttWill(MqttTopics.publishSubject(topic),
                new StoredMessage(topic, header.willQos(), body == null ? new byte[0] : body), header.isWillRetain());
    }

    /** The will's topic, QoS and payload. */
    StoredMessage message() {
        return message;
    }

    void publish(MqttInbound inbound) {
        inbound.route(subject, message.topic(), message.qos(), retain, Unpooled.wrappedBuffer(message.payload()));
    }
}
