package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.WireInboundMessage;
import io.natrium.application.port.in.ClientSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

/**
 * What an MQTT client publishes (a PUBLISH, a released QoS 2 PUBLISH, or its will), routed as nats-server routes it:
 * to NATS with the {@code Nmqtt-Pub} header, into its account's retained messages when the retain flag is set, and,
 * at QoS 1 or 2, kept for the persistent sessions of its account that are away. Confined to the session's thread;
 * {@link #release} frees its buffer.
 */
final class MqttInbound {

    private static final byte[] HEADER_START = "NATS/1.0\r\nNmqtt-Pub:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ClientSession session;
    private final MqttState state;
    private final MqttSessionState sessionState;
    private final WireInboundMessage inbound = new WireInboundMessage();
    private ByteBuf body = Unpooled.buffer(256);
    /** A client mostly publishes to the same few subjects: the last one's bytes are kept. */
    private String lastSubject = "";
    private byte[] lastSubjectBytes = new byte[0];

    MqttInbound(ClientSession session, MqttState state, MqttSessionState sessionState) {
        this.session = session;
        this.state = state;
        this.sessionState = sessionState;
    }

    /** Routes a message to {@code subject} (the subject of {@code topic}) published at {@code qos}. */
    void route(String subject, String topic, int qos, boolean retain, ByteBuf payload) {
        if (retain) {
            state.retain(sessionState.account(), new StoredMessage(topic, qos, ByteBufUtil.getBytes(payload)));
        }
        body.clear().writeBytes(HEADER_START).writeByte('0' + qos).writeBytes(HEADER_END);
        int headerLength = body.readableBytes();
        body.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
        if (!subject.equals(lastSubject)) {
            lastSubjectBytes = subject.getBytes(StandardCharsets.UTF_8);
            lastSubject = subject;
        }
        byte[] subjectBytes = lastSubjectBytes;
        inbound.assemble(subjectBytes, subjectBytes.length, body, 0, headerLength, body.readableBytes());
        session.publish(inbound);
        if (qos > 0 && state.anyAway()) {
            state.keepForOffline(sessionState.account(), subject, topic, qos, ByteBufUtil.getBytes(payload));
        }
    }

    void release() {
        if (body != null) {
            body.release();
            body = null;
        }
    }
}
