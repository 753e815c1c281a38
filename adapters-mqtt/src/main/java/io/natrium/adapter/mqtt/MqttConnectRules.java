package io.natrium.adapter.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;

import java.security.SecureRandom;

/** CONNECT's flag rules of MQTT 3.1.1 §3.1.2, worded as nats-server's {@code mqttParseConnect}, and its client ids. */
final class MqttConnectRules {

    private static final char[] ID_DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    /** As long as the NUID nats-server gives a client that sent none. */
    private static final int ID_LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String PROTOCOL_NAME = "MQTT";
    private static final int PROTOCOL_LEVEL = 4;

    /** Why a CONNECT is refused: with a CONNACK return code first, or (code 0) by a close alone. */
    record Refusal(int returnCode, String error) {
    }

    private MqttConnectRules() {
    }

    /** What refuses the CONNECT's protocol name, level or flags, in nats-server's order; null when they pass. */
    static Refusal refusal(MqttConnectVariableHeader header) {
        if (!PROTOCOL_NAME.equals(header.name())) {
            return new Refusal(0, "MQIsdp".equals(header.name())
                    ? "older protocol \"MQIsdp\" not supported"
                    : "expected connect packet with protocol name \"MQTT\", got \"" + header.name() + "\"");
        }
        if (header.version() != PROTOCOL_LEVEL) {
            return new Refusal(MqttPackets.UNACCEPTABLE_PROTOCOL_VERSION,
                    "unacceptable protocol version of " + header.version());
        }
        String error = flagError(header);
        return error == null ? null : new Refusal(0, error);
    }

    /** What is wrong with the will and credential flags, or null when they are consistent. */
    private static String flagError(MqttConnectVariableHeader header) {
        int willQos = header.willQos();
        if (!header.isWillFlag()) {
            if (willQos != 0) {
                return "if Will flag is set to 0, Will QoS must be 0 too, got " + willQos;
            }
            if (header.isWillRetain()) {
                return "if Will flag is set to 0, Will Retain flag must be 0 too";
            }
        } else if (willQos == 3) {
            return "if Will flag is set to 1, Will QoS can be 0, 1 or 2, got 3";
        }
        if (header.hasPassword() && !header.hasUserName()) {
            return "password flag set but username flag is not";
        }
        return null;
    }

    /** The id of a client that sent none (MQTT 3.1.1 §3.1.3-6), random as a NUID is. */
    static String generatedClientId() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_DIGITS[RANDOM.nextInt(ID_DIGITS.length)];
        }
        return new String(id);
    }
}
