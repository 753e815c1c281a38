package io.natrium.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MqttPacketsTest {

    @Test
    void writesTheServersPacketsAsTheSpecificationLaysThemOut() {
        assertThat(MqttPackets.connack(MqttPackets.ACCEPTED, false)).containsExactly(0x20, 2, 0, 0);
        assertThat(MqttPackets.connack(MqttPackets.SERVER_UNAVAILABLE, true)).containsExactly(0x20, 2, 1, 3);
        assertThat(MqttPackets.puback(0x1234)).containsExactly(0x40, 2, 0x12, 0x34);
        assertThat(MqttPackets.unsuback(7)).containsExactly(0xB0, 2, 0, 7);
        assertThat(MqttPackets.suback(9, List.of(0, 1, 0x80))).containsExactly(0x90, 5, 0, 9, 0, 1, 0x80);
        assertThat(MqttPackets.PINGRESP).containsExactly(0xD0, 0);
    }

    @Test
    void encodesRemainingLengthsAtTheirBoundaries() {
        assertThat(MqttPackets.remainingLength(127)).containsExactly(0x7F);
        assertThat(MqttPackets.remainingLength(128)).containsExactly(0x80, 0x01);
        assertThat(MqttPackets.remainingLength(16_383)).containsExactly(0xFF, 0x7F);
        assertThat(MqttPackets.remainingLength(16_384)).containsExactly(0x80, 0x80, 0x01);
        assertThat(MqttPackets.remainingLength(268_435_455)).containsExactly(0xFF, 0xFF, 0xFF, 0x7F);
    }
}
