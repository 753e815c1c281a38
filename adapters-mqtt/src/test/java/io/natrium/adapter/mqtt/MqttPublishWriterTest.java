package io.natrium.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.subject.SubjectView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class MqttPublishWriterTest {

    private final InflightWindow inflight = new InflightWindow(2);
    private final MqttPublishWriter writer = new MqttPublishWriter(inflight);

    /** A message from a NATS client (no headers) or an MQTT one (with its Nmqtt-Pub header). */
    private record Message(SubjectView subject, byte[] body, int headerLength) implements InboundMessage {

        static Message of(String subject, String headers, String payload) {
            byte[] body = (headers + payload).getBytes(StandardCharsets.UTF_8);
            byte[] name = subject.getBytes(StandardCharsets.UTF_8);
            SubjectView view = new SubjectView();
            view.wrap(name, 0, name.length);
            return new Message(view, body, headers.length());
        }

        @Override
        public SubjectView reply() {
            return new SubjectView();
        }

        @Override
        public int bodyLength() {
            return body.length;
        }

        @Override
        public void copyBody(int offset, byte[] target, int targetOffset, int length) {
            System.arraycopy(body, offset, target, targetOffset, length);
        }
    }

    private String write(Message message, String sid) {
        ByteBuf out = Unpooled.buffer();
        byte[] sidBytes = sid.getBytes(StandardCharsets.UTF_8);
        int bound = writer.messageSize(message.subject(), sidBytes, message.reply(), writer.bodyLength(message, true));
        assertThat(writer.writeMessage(out, ProtocolTracer.OFF, message.subject(), sidBytes, message.reply(), message,
                true)).isNull();
        assertThat(out.readableBytes()).isLessThanOrEqualTo(bound);
        return ByteBufUtil.hexDump(out);
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNatsMessageGoesOutAtQos0WithItsTopicAndWithoutHeaders() {
        Message message = Message.of("/.a./.b./", "NATS/1.0\r\nX: 1\r\n\r\n", "hi");
        assertThat(writer.bodyLength(message, true)).isEqualTo(2);
        // PUBLISH QoS 0, remaining 2 + 6 + 2, topic "/a//b/", payload "hi".
        assertThat(write(message, "> 1")).isEqualTo("300a0006" + hex("/a//b/") + hex("hi"));
        assertThat(inflight.size()).isZero();
    }

    @Test
    void anMqttQos1MessageGoesOutAtTheLowerOfBothQosAndIsKeptUntilItsPuback() {
        Message message = Message.of("a.b", "NATS/1.0\r\nNmqtt-Pub:1\r\n\r\n", "x");
        assertThat(write(message, "a.b 0")).isEqualTo("30060003" + hex("a/b") + hex("x"));
        assertThat(write(message, "a.b 1")).isEqualTo("32080003" + hex("a/b") + "0001" + hex("x"));
        assertThat(write(message, "a.* 1")).isEqualTo("32080003" + hex("a/b") + "0002" + hex("x"));
        assertThat(inflight.size()).isEqualTo(2);

        // max_ack_pending (2 here) reached: the next QoS 1 delivery waits in the backlog, QoS 0 still goes.
        assertThat(write(message, "a.> 1")).isEmpty();
        assertThat(write(Message.of("a.b", "NATS/1.0\r\nNmqtt-Pub:0\r\n\r\n", "x"), "a.> 1"))
                .isEqualTo("30060003" + hex("a/b") + hex("x"));

        assertThat(inflight.acknowledge(1)).isTrue();
        assertThat(inflight.acknowledge(1)).isFalse();
        List<byte[]> admitted = inflight.admitBacklog(0);
        assertThat(admitted).hasSize(1);
        assertThat(HexFormat.of().formatHex(admitted.get(0))).isEqualTo("32080003" + hex("a/b") + "0003" + hex("x"));
    }

    @Test
    void anMqttQos2MessageGoesOutAtQos2OnlyToAQos2Subscription() {
        Message message = Message.of("a.b", "NATS/1.0\r\nNmqtt-Pub:2\r\n\r\n", "x");
        assertThat(write(message, "a.b 2")).isEqualTo("34080003" + hex("a/b") + "0001" + hex("x"));
        assertThat(write(message, "a.b 1")).isEqualTo("32080003" + hex("a/b") + "0002" + hex("x"));
        assertThat(inflight.received(1, 0)).as("PUBREC: out of the window, its identifier held").isTrue();
        inflight.acknowledge(2);
        assertThat(write(Message.of("a.b", "NATS/1.0\r\nNmqtt-Pub:1\r\n\r\n", "x"), "a.b 2"))
                .as("a QoS 1 message to a QoS 2 subscription").isEqualTo("32080003" + hex("a/b") + "0003" + hex("x"));
        assertThat(write(Message.of("a.b", "", "x"), "a.b 2")).as("a NATS message").startsWith("3006");
    }

    @Test
    void unacknowledgedPacketsAreSentAgainAsDuplicatesOnceTheAckWaitPassed() {
        Message message = Message.of("t", "NATS/1.0\r\nNmqtt-Pub:1\r\n\r\n", "x");
        write(message, "t 1");
        long now = System.nanoTime();
        assertThat(inflight.due(now, 60_000_000_000L)).isEmpty();
        assertThat(inflight.due(now + 61_000_000_000L, 60_000_000_000L)).singleElement()
                .satisfies(packet -> assertThat(HexFormat.of().formatHex(packet))
                        .isEqualTo("3a060001" + hex("t") + "0001" + hex("x")));
        // Counted as sent again: not due again at once.
        assertThat(inflight.due(now + 62_000_000_000L, 60_000_000_000L)).isEmpty();
    }

    @Test
    void longRemainingLengthsTakeSeveralBytes() {
        Message message = Message.of("t", "", "y".repeat(200));
        assertThat(write(message, "t 0")).startsWith("30cb01" + "0001" + hex("t"));
    }

    @Test
    void onlyAnAuthorizationViolationIsAnsweredWithARefusingConnack() {
        assertThat(writer.errorFrame("Authorization Violation")).containsExactly(0x20, 2, 0, 5);
        assertThat(writer.takeError()).isEqualTo("Authorization Violation");
        assertThat(writer.errorFrame("Permissions Violation for Subscription to \"x\"")).isNull();
        assertThat(writer.takeError()).startsWith("Permissions Violation");
        assertThat(writer.takeError()).isNull();
        assertThat(writer.speaksNats()).isFalse();
    }
}
