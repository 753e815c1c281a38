package io.natrium.adapter.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A retained message as the MQTT store keeps it, or a will: its topic, QoS and payload. */
record StoredMessage(String topic, int qos, byte[] payload) {

    /** One byte of QoS, the topic's length and UTF-8 bytes, then the payload. */
    byte[] encode() {
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 2 + topicBytes.length + payload.length)
                .put((byte) qos)
                .putShort((short) topicBytes.length)
                .put(topicBytes)
                .put(payload)
                .array();
    }

    static StoredMessage decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int qos = in.get() & 0x03;
        byte[] topicBytes = new byte[in.getShort() & 0xFFFF];
        in.get(topicBytes);
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        return new StoredMessage(new String(topicBytes, StandardCharsets.UTF_8), qos, payload);
    }
}
