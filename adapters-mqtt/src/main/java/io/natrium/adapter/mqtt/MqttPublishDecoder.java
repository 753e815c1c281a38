package io.natrium.adapter.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the byte stream into MQTT packets ahead of Netty's {@code MqttDecoder} and decodes the common PUBLISH itself:
 * profiling the QoS 0 publish load showed the generic decoder (a replaying decoder that decodes every topic with a
 * strict UTF-8 decoder and allocates as it goes) taking most of the server's time per message. A PUBLISH whose topic
 * is plain printable ASCII becomes an {@link MqttPublishMessage} here, the topic's {@link String} reused while a
 * client keeps publishing to the same topic; every other packet goes on whole, as the bytes it was, to the MQTT
 * decoder, so what it decodes and how it fails is unchanged. Anything this framer cannot cut with certainty (a
 * remaining length over four bytes or over the limit, a packet the decoder did not consume whole, a connection
 * other than MQTT 3.1.1) turns it into a pass-through for the rest of the connection: the decoder then sees the
 * same contiguous bytes as it would without this framer.
 */
final class MqttPublishDecoder extends ByteToMessageDecoder {

    private static final int PUBLISH = 3;
    private static final int CONNECT = 1;
    /** A CONNECT's variable header starts with the protocol name {@code MQTT} and level 4 (3.1.1). */
    private static final byte[] MQTT_3_1_1 = {0, 4, 'M', 'Q', 'T', 'T', 4};
    private static final int MAX_LENGTH_BYTES = 4;

    private final int maxPacket;
    private boolean connected;
    private boolean passThrough;
    private byte[] lastTopicBytes = new byte[0];
    /** The topic being decoded, copied out in one call: reading it byte by byte checks the buffer at each. */
    private byte[] scratch = new byte[64];
    private String lastTopic = "";

    /** {@code maxPacket}: the largest remaining length the MQTT decoder behind accepts. */
    MqttPublishDecoder(int maxPacket) {
        this.maxPacket = maxPacket;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (passThrough) {
            out.add(in.readRetainedSlice(in.readableBytes()));
            return;
        }
        int start = in.readerIndex();
        int available = in.readableBytes();
        if (available < 2) {
            return;
        }
        int remaining = 0;
        int lengthBytes = 0;
        int digit;
        do {
            if (lengthBytes == MAX_LENGTH_BYTES) {
                passThrough(in, out);
                return;
            }
            if (1 + lengthBytes >= available) {
                return;
            }
            digit = in.getUnsignedByte(start + 1 + lengthBytes);
            remaining |= (digit & 0x7F) << (7 * lengthBytes);
            lengthBytes++;
        } while ((digit & 0x80) != 0);
        if (remaining > maxPacket) {
            // The decoder refuses it on its announced length, before its body comes.
            passThrough(in, out);
            return;
        }
        int total = 1 + lengthBytes + remaining;
        if (available < total) {
            return;
        }
        int first = in.getUnsignedByte(start);
        if (connected && first >> 4 == PUBLISH && publish(in, first, 1 + lengthBytes, remaining, out)) {
            return;
        }
        if (!connected) {
            if (first >> 4 != CONNECT || !isMqtt311(in, start + 1 + lengthBytes, remaining)) {
                passThrough(in, out);
                return;
            }
            connected = true;
        }
        ByteBuf packet = in.readRetainedSlice(total);
        ctx.fireChannelRead(packet);
        if (packet.isReadable()) {
            // The decoder waits for more than the packet announced: it must see the stream as it comes from now on.
            passThrough = true;
        }
    }

    /**
     * Decodes the PUBLISH of {@code remaining} bytes after a fixed header of {@code headerLength} at the reader index
     * into {@code out}; false, consuming nothing, when it is not one this framer decodes as the MQTT decoder would.
     */
    private boolean publish(ByteBuf in, int first, int headerLength, int remaining, List<Object> out) {
        int qos = (first >> 1) & 3;
        if (qos == 3) {
            return false;
        }
        int start = in.readerIndex();
        int topicAt = start + headerLength;
        int topicLength = remaining < 2 ? -1 : in.getUnsignedShort(topicAt);
        int idLength = qos > 0 ? 2 : 0;
        if (topicLength < 1 || 2 + topicLength + idLength > remaining) {
            return false;
        }
        String topic = topic(in, topicAt + 2, topicLength);
        if (topic == null) {
            return false;
        }
        int packetId = qos > 0 ? in.getUnsignedShort(topicAt + 2 + topicLength) : -1;
        int payloadLength = remaining - 2 - topicLength - idLength;
        in.skipBytes(headerLength + 2 + topicLength + idLength);
        MqttFixedHeader fixed = new MqttFixedHeader(MqttMessageType.PUBLISH, (first & 0x08) != 0,
                MqttQoS.valueOf(qos), (first & 1) != 0, remaining);
        out.add(new MqttPublishMessage(fixed, new MqttPublishVariableHeader(topic, packetId),
                in.readRetainedSlice(payloadLength)));
        return true;
    }

    /** The topic at {@code at}, when it is printable ASCII without wildcards; null otherwise. */
    private String topic(ByteBuf in, int at, int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        in.getBytes(at, scratch, 0, length);
        if (Arrays.equals(scratch, 0, length, lastTopicBytes, 0, lastTopicBytes.length)) {
            return lastTopic;
        }
        byte[] bytes = Arrays.copyOf(scratch, length);
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7E || b == '+' || b == '#') {
                return null;
            }
        }
        lastTopicBytes = bytes;
        lastTopic = new String(bytes, StandardCharsets.US_ASCII);
        return lastTopic;
    }

    private static boolean isMqtt311(ByteBuf in, int at, int remaining) {
        if (remaining < MQTT_3_1_1.length) {
            return false;
        }
        for (int i = 0; i < MQTT_3_1_1.length; i++) {
            if (in.getByte(at + i) != MQTT_3_1_1[i]) {
                return false;
            }
        }
        return true;
    }

    private void passThrough(ByteBuf in, List<Object> out) {
        passThrough = true;
        out.add(in.readRetainedSlice(in.readableBytes()));
    }
}
