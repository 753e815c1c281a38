package io.natrium.adapter.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The packets the server sends besides PUBLISH, byte for byte as nats-server writes them (MQTT 3.1.1 §3). */
final class MqttPackets {

    static final byte[] PINGRESP = {(byte) 0xD0, 0};

    /** CONNACK return codes (§3.2.2.3). */
    static final int ACCEPTED = 0;
    static final int UNACCEPTABLE_PROTOCOL_VERSION = 1;
    static final int IDENTIFIER_REJECTED = 2;
    static final int SERVER_UNAVAILABLE = 3;
    static final int BAD_USER_NAME_OR_PASSWORD = 4;
    static final int NOT_AUTHORIZED = 5;
    /** nats-server's (2.10+) refusal of a QoS 2 will while QoS 2 publishes are rejected; not an MQTT 3.1.1 code. */
    static final int QOS2_WILL_REJECTED = 0x10;

    /** Flags of a PUBLISH's first byte. */
    static final int DUP = 0x08;
    static final int RETAIN = 0x01;

    /** A SUBACK return code: the subscription was refused. */
    static final int SUBSCRIPTION_FAILURE = 0x80;

    private MqttPackets() {
    }

    static byte[] connack(int returnCode, boolean sessionPresent) {
        return new byte[] {0x20, 2, (byte) (sessionPresent ? 1 : 0), (byte) returnCode};
    }

    static byte[] puback(int packetId) {
        return new byte[] {0x40, 2, (byte) (packetId >> 8), (byte) packetId};
    }

    /** A PUBLISH packet (§3.3); {@code packetId} is left out at QoS 0. */
    static byte[] publish(String topic, int qos, int packetId, boolean retain, byte[] payload) {
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        int remaining = 2 + topicBytes.length + (qos > 0 ? 2 : 0) + payload.length;
        byte[] length = remainingLength(remaining);
        ByteBuffer packet = ByteBuffer.allocate(1 + length.length + remaining)
                .put((byte) (0x30 | qos << 1 | (retain ? RETAIN : 0)))
                .put(length)
                .putShort((short) topicBytes.length)
                .put(topicBytes);
        if (qos > 0) {
            packet.putShort((short) packetId);
        }
        return packet.put(payload).array();
    }

    /** A copy of the QoS 1 or 2 PUBLISH {@code packet} under another packet identifier, marked a duplicate or not. */
    static byte[] republish(byte[] packet, int packetId, boolean duplicate) {
        byte[] copy = packet.clone();
        int at = afterTopic(copy);
        copy[at] = (byte) (packetId >> 8);
        copy[at + 1] = (byte) packetId;
        copy[0] = (byte) (duplicate ? copy[0] | DUP : copy[0] & ~DUP);
        return copy;
    }

    /** The topic, QoS and payload of the PUBLISH {@code packet} (one {@link #publish} made). */
    static StoredMessage message(byte[] packet) {
        int at = topicAt(packet);
        int topicLength = (packet[at] & 0xFF) << 8 | packet[at + 1] & 0xFF;
        String topic = new String(packet, at + 2, topicLength, StandardCharsets.UTF_8);
        int qos = packet[0] >> 1 & 0x03;
        int payload = at + 2 + topicLength + (qos > 0 ? 2 : 0);
        byte[] body = new byte[packet.length - payload];
        System.arraycopy(packet, payload, body, 0, body.length);
        return new StoredMessage(topic, qos, body);
    }

    /** The packet identifier of the PUBLISH {@code packet}; 0 at QoS 0, which has none. */
    static int packetId(byte[] packet) {
        if ((packet[0] >> 1 & 0x03) == 0) {
            return 0;
        }
        int at = afterTopic(packet);
        return (packet[at] & 0xFF) << 8 | packet[at + 1] & 0xFF;
    }

    /** Where the topic's length starts in the PUBLISH {@code packet}: after the fixed header. */
    private static int topicAt(byte[] packet) {
        int at = 1;
        while ((packet[at] & 0x80) != 0) {
            at++;
        }
        return at + 1;
    }

    /** Where what follows the topic (the packet identifier, or the payload at QoS 0) starts in a PUBLISH. */
    private static int afterTopic(byte[] packet) {
        int at = topicAt(packet);
        return at + 2 + ((packet[at] & 0xFF) << 8 | packet[at + 1] & 0xFF);
    }

    /** Whether the PUBLISH {@code packet} has the retain flag. */
    static boolean isRetained(byte[] packet) {
        return (packet[0] & RETAIN) != 0;
    }

    /** Whether the PUBLISH {@code packet} is marked a duplicate. */
    static boolean isDuplicate(byte[] packet) {
        return (packet[0] & DUP) != 0;
    }

    static byte[] pubrec(int packetId) {
        return new byte[] {0x50, 2, (byte) (packetId >> 8), (byte) packetId};
    }

    /** PUBREL: its fixed header's flags are 0010 (MQTT-3.6.1-1). */
    static byte[] pubrel(int packetId) {
        return new byte[] {0x62, 2, (byte) (packetId >> 8), (byte) packetId};
    }

    static byte[] pubcomp(int packetId) {
        return new byte[] {0x70, 2, (byte) (packetId >> 8), (byte) packetId};
    }

    static byte[] unsuback(int packetId) {
        return new byte[] {(byte) 0xB0, 2, (byte) (packetId >> 8), (byte) packetId};
    }

    static byte[] suback(int packetId, List<Integer> returnCodes) {
        int remaining = 2 + returnCodes.size();
        byte[] length = remainingLength(remaining);
        byte[] packet = new byte[1 + length.length + remaining];
        packet[0] = (byte) 0x90;
        System.arraycopy(length, 0, packet, 1, length.length);
        int at = 1 + length.length;
        packet[at++] = (byte) (packetId >> 8);
        packet[at++] = (byte) packetId;
        for (int code : returnCodes) {
            packet[at++] = (byte) code;
        }
        return packet;
    }

    /** The variable-length encoding of a packet's remaining length (§2.2.3). */
    static byte[] remainingLength(int value) {
        byte[] scratch = new byte[4];
        int length = 0;
        int rest = value;
        do {
            int digit = rest % 128;
            rest /= 128;
            scratch[length++] = (byte) (rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        byte[] encoded = new byte[length];
        System.arraycopy(scratch, 0, encoded, 0, length);
        return encoded;
    }
}
