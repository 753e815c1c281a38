package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.DeliveryWriter;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.HotPath;
import io.natrium.domain.mqtt.MqttTopics;
import io.natrium.domain.subject.SubjectView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;

/**
 * Writes what NATS delivers to an MQTT client as a PUBLISH packet, as nats-server's MQTT delivery callbacks do: the
 * topic is the subject mapped back ({@link MqttTopics}), the payload is the message without its NATS headers, and
 * the QoS is the lower of the subscription's (the last character of its sid, see {@link MqttSubscriptions}) and the
 * publisher's, which an MQTT publisher states in the {@code Nmqtt-Pub} header and a NATS publisher never has (QoS 0).
 * A QoS 1 or 2 packet takes a packet identifier from the client's {@link InflightWindow} and is kept there until its
 * PUBACK or PUBREC; when {@code max_ack_pending} packets are out, it waits in the window's backlog.
 *
 * <p>Used under the outbound's lock, which guards the scratch arrays; the client does not speak NATS, so the
 * outbound writes none of NATS's own lines, and of the session's errors only an authorization violation gets an
 * answer: the CONNACK that refuses the client (nats-server's {@code authViolation} for MQTT).
 */
@HotPath
final class MqttPublishWriter implements DeliveryWriter {

    /** The largest remaining length MQTT can encode; nats-server cuts longer payloads down to fit. */
    static final int MAX_REMAINING_LENGTH = 0xFFFFFFF;
    private static final byte[] QOS_HEADER = "\r\nNmqtt-Pub:".getBytes(StandardCharsets.US_ASCII);
    private static final String AUTHORIZATION_VIOLATION_TEXT = "Authorization Violation";
    private static final byte[] AUTHORIZATION_VIOLATION = MqttPackets.connack(MqttPackets.NOT_AUTHORIZED, false);
    private static final int COPY_CHUNK = 8192;

    private final InflightWindow inflight;
    private byte[] topic = new byte[256];
    private byte[] headers = new byte[256];
    private byte[] copy;
    /** Asks the client's event loop to send what the window's backlog has room for; null in tests. */
    private Runnable backlogHasRoom;
    /** The last error the session reported; read and cleared by the handler on the session's thread. */
    private volatile String lastError;

    MqttPublishWriter(InflightWindow inflight) {
        this.inflight = inflight;
    }

    /**
     * {@code task} sends the backlog from the client's own thread: called when a packet joined it just as the window
     * freed a place (from a publisher's thread, under the outbound's lock, so it must only hand the work over).
     */
    void whenBacklogHasRoom(Runnable task) {
        backlogHasRoom = task;
    }

    @Override
    public boolean speaksNats() {
        return false;
    }

    @Override
    public byte[] errorFrame(String text) {
        lastError = text;
        return AUTHORIZATION_VIOLATION_TEXT.equals(text) ? AUTHORIZATION_VIOLATION.clone() : null;
    }

    /** nats-server traces the CONNACK that refuses an MQTT client, and any other error as the -ERR it does not send. */
    @Override
    public String errorTrace(String text) {
        return AUTHORIZATION_VIOLATION_TEXT.equals(text) ? MqttTrace.describe(AUTHORIZATION_VIOLATION)
                : DeliveryWriter.super.errorTrace(text);
    }

    /** The error the session reported since the last call, or null; on the session's thread. */
    String takeError() {
        String error = lastError;
        lastError = null;
        return error;
    }

    @Override
    public int bodyLength(InboundMessage message, boolean withHeaders) {
        return message.bodyLength() - message.headerLength();
    }

    @Override
    public int messageSize(SubjectView subject, byte[] sid, SubjectView reply, int bodyLength) {
        // Fixed header, remaining length, topic length, a topic never longer than its subject, packet identifier.
        return 1 + 4 + 2 + subject.length() + 2 + Math.min(bodyLength, MAX_REMAINING_LENGTH);
    }

    @Override
    public String[] writeMessage(ByteBuf out, ProtocolTracer trace, SubjectView subject, byte[] sid, SubjectView reply,
            InboundMessage message, boolean withHeaders) {
        int qos = Math.min(sid[sid.length - 1] - '0', publishedQos(message));
        if (topic.length < subject.length()) {
            topic = new byte[Math.max(subject.length(), 2 * topic.length)];
        }
        int topicLength = MqttTopics.topic(subject.array(), subject.arrayOffset(), subject.length(), topic);
        int packetId = 0;
        if (qos > 0) {
            packetId = inflight.reserve();
            if (packetId == 0) {
                if (inflight.keepsOverflow() && inflight.overflow(overflowPacket(topicLength, qos, message))
                        && backlogHasRoom != null) {
                    backlogHasRoom.run();
                }
                return null;
            }
        }
        int headerLength = message.headerLength();
        int fixedPart = 2 + topicLength + (qos > 0 ? 2 : 0);
        int payloadLength = Math.min(message.bodyLength() - headerLength, MAX_REMAINING_LENGTH - fixedPart);
        int start = out.writerIndex();
        try {
            out.writeByte(0x30 | qos << 1);
            writeRemainingLength(out, fixedPart + payloadLength);
            out.writeShort(topicLength);
            out.writeBytes(topic, 0, topicLength);
            if (qos > 0) {
                out.writeShort(packetId);
            }
            writePayload(out, message, headerLength, payloadLength);
            if (qos > 0) {
                inflight.sent(packetId, ByteBufUtil.getBytes(out, start, out.writerIndex() - start), System.nanoTime());
            }
            return trace.enabled() ? traced(topicLength, qos, payloadLength, packetId) : null;
        } catch (RuntimeException | Error e) {
            out.writerIndex(start);
            if (qos > 0) {
                inflight.release(packetId);
            }
            throw e;
        }
    }

    /** nats-server's trace of a delivery: {@code ->> [PUBLISH a/b dup=false QoS=1 retain=false size=5 pi=1]}. */
    private String[] traced(int topicLength, int qos, int payloadLength, int packetId) {
        String topicText = new String(topic, 0, topicLength, StandardCharsets.UTF_8);
        return new String[] {"->> [" + MqttTrace.publish(topicText, false, qos, false, payloadLength, packetId) + "]"};
    }

    /** A QoS 1 or 2 PUBLISH for the backlog of a session whose window is full: off the common path. */
    private byte[] overflowPacket(int topicLength, int qos, InboundMessage message) {
        int headerLength = message.headerLength();
        byte[] payload = new byte[message.bodyLength() - headerLength];
        message.copyBody(headerLength, payload, 0, payload.length);
        return MqttPackets.publish(new String(topic, 0, topicLength, StandardCharsets.UTF_8), qos, 0, false, payload);
    }

    /** The QoS an MQTT publisher gave its message ({@code Nmqtt-Pub}); 0 for a message from NATS. */
    private int publishedQos(InboundMessage message) {
        int headerLength = message.headerLength();
        if (headerLength == 0) {
            return 0;
        }
        if (headers.length < headerLength) {
            headers = new byte[Math.max(headerLength, 2 * headers.length)];
        }
        message.copyBody(0, headers, 0, headerLength);
        int at = indexOf(headers, headerLength, QOS_HEADER);
        if (at < 0) {
            return 0;
        }
        int value = at + QOS_HEADER.length;
        while (value < headerLength && headers[value] == ' ') {
            value++;
        }
        return value < headerLength && headers[value] >= '1' && headers[value] <= '2' ? headers[value] - '0' : 0;
    }

    private static int indexOf(byte[] bytes, int length, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void writePayload(ByteBuf out, InboundMessage message, int offset, int length) {
        if (copy == null) {
            copy = new byte[COPY_CHUNK];
        }
        for (int done = 0; done < length; done += COPY_CHUNK) {
            int chunk = Math.min(COPY_CHUNK, length - done);
            message.copyBody(offset + done, copy, 0, chunk);
            out.writeBytes(copy, 0, chunk);
        }
    }

    /** MQTT's variable-length integer (§2.2.3). */
    static void writeRemainingLength(ByteBuf out, int value) {
        int rest = value;
        do {
            int digit = rest % 128;
            rest /= 128;
            out.writeByte(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
    }
}
