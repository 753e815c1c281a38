package io.natrium.adapter.mqtt;

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
