package io.natrium.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** nats-server's trace texts of MQTT packets, as {@code mqttPubTrace}, {@code mqttConnectTrace} and the rest word them. */
class MqttTraceTest {

    @Test
    void packetsTheServerSendsAreDescribedFromTheirBytes() {
        assertThat(MqttTrace.describe(MqttPackets.connack(0, true))).isEqualTo("CONNACK sp=true rc=0");
        assertThat(MqttTrace.describe(MqttPackets.connack(5, false))).isEqualTo("CONNACK sp=false rc=5");
        assertThat(MqttTrace.describe(MqttPackets.puback(7))).isEqualTo("PUBACK pi=7");
        assertThat(MqttTrace.describe(MqttPackets.pubrec(300))).isEqualTo("PUBREC pi=300");
        assertThat(MqttTrace.describe(MqttPackets.pubrel(2))).isEqualTo("PUBREL pi=2");
        assertThat(MqttTrace.describe(MqttPackets.pubcomp(65535))).isEqualTo("PUBCOMP pi=65535");
        assertThat(MqttTrace.describe(MqttPackets.suback(4, List.of(1, 0x80)))).isEqualTo("SUBACK pi=4");
        assertThat(MqttTrace.describe(MqttPackets.unsuback(9))).isEqualTo("UNSUBACK pi=9");
        assertThat(MqttTrace.describe(MqttPackets.PINGRESP)).isEqualTo("PINGRESP");
    }

    @Test
    void aPublishShowsItsTopicFlagsSizeAndPacketIdentifier() {
        assertThat(MqttTrace.describe(MqttPackets.publish("a/b", 0, 0, false, new byte[5])))
                .isEqualTo("PUBLISH a/b dup=false QoS=0 retain=false size=5");
        byte[] retained = MqttPackets.publish("r/é", 1, 513, true, new byte[200]);
        assertThat(MqttTrace.describe(retained)).isEqualTo("PUBLISH r/é dup=false QoS=1 retain=true size=200 pi=513");
        assertThat(MqttTrace.describe(MqttPackets.republish(retained, 3, true)))
                .isEqualTo("PUBLISH r/é dup=true QoS=1 retain=true size=200 pi=3");
    }

    @Test
    void connectShowsKeepAliveAsTheReadDeadlineAndHidesThePassword() {
        assertThat(MqttTrace.connect("c1", 0, null, false, null, null)).isEqualTo("CONNECT clientID=c1");
        assertThat(MqttTrace.connect("c1", 1, null, false, "u", "p"))
                .isEqualTo("CONNECT clientID=c1 keepAlive=1s username=u password=****");
        assertThat(MqttTrace.connect("c2", 60, new StoredMessage("w/t", 2, new byte[0]), true, null, null))
                .isEqualTo("CONNECT clientID=c2 keepAlive=1m30s will=(topic=w/t QoS=2 retain=true)");
    }

    @Test
    void filtersShowTheirSubjectsEmptyWhenInvalid() {
        assertThat(MqttTrace.subscribe(1, List.of("x/y", "z/#", "a.b"), List.of(1, 0, 2)))
                .isEqualTo("SUBSCRIBE [x/y (x.y) QoS=1, z/# (z.>) QoS=0, a.b () QoS=2] pi=1");
        assertThat(MqttTrace.unsubscribe(9, List.of("x/y", "/"))).isEqualTo("UNSUBSCRIBE [x/y (x.y), / (/./)] pi=9");
    }
}
