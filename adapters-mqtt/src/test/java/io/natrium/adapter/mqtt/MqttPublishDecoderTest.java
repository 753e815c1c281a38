package io.natrium.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.util.ReferenceCountUtil;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The framer must change nothing of what the MQTT decoder makes of a byte stream: each stream is decoded by Netty's
 * decoder alone and by the framer in front of it, cut into reads at every position, and the packets compared one by
 * one up to the first failure, where the connection handler closes the connection.
 */
class MqttPublishDecoderTest {

    private static final int MAX_PACKET = 1024;
    private static final byte[] CONNECT = packet(0x10, bytes("00044d5154540402003c0003616263"));
    private static final byte[] CONNECT_V5 = packet(0x10, bytes("00044d5154540502003c000003616263"));

    @Test
    void publishesOfEveryQosAndOtherPacketsComeOutAsTheDecoderMakesThem() {
        assertSameAsDecoder(CONNECT, publish(0, 0, "a/b", "hello"), publish(1, 7, "a/b", "x"),
                publish(2, 9, "a/b", ""), publish(0x09, 3, "other/topic", "dup retained"), publish(0, 0, "a/b", "y"),
                packet(0x40, bytes("0007")), packet(0xC0, new byte[0]), packet(0x82, bytes("0001000361" + "2f2b01")));
    }

    @Test
    void topicsItDoesNotDecodeItselfGoToTheDecoder() {
        assertSameAsDecoder(CONNECT, publish(0, 0, "caf\u00e9/\u00fc", "utf-8"), publish(0, 0, "a/+", "wildcard"));
        assertSameAsDecoder(CONNECT, publish(0, 0, "", "empty topic"), publish(0, 0, "a b/c.d", "x"));
        assertSameAsDecoder(CONNECT, publish(1, 0, "a", "packet id 0"), publish(0, 0, "nul\u0000", "x"));
        assertSameAsDecoder(CONNECT, publish(0, 0, "a", "x"), packet(0x36, bytes("0001610001")));
    }

    @Test
    void malformedPacketsFailAsInTheDecoder() {
        assertSameAsDecoder(CONNECT, publish(0, 0, "a", "x"), bytes("30ffffffff7f"), publish(0, 0, "a", "after"));
        assertSameAsDecoder(CONNECT, publish(0, 0, "a", "x"), packet(0x30, new byte[MAX_PACKET + 1]));
        // A topic length past the packet's end: the decoder reads on into the next packet.
        assertSameAsDecoder(CONNECT, packet(0x30, bytes("00ff61")), publish(0, 0, "a", "after"));
        assertSameAsDecoder(CONNECT, packet(0x82, bytes("000100ff61")), publish(0, 0, "a", "after"));
    }

    @Test
    void aConnectionOtherThanMqtt311IsLeftToTheDecoder() {
        assertSameAsDecoder(CONNECT_V5, publish(0, 0, "a", "x"));
        assertSameAsDecoder(publish(0, 0, "a", "no connect"), publish(0, 0, "a", "x"));
    }

    @Test
    void aClientKeepingItsTopicGetsTheSameTopicString() {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttPublishDecoder(MAX_PACKET), new MqttDecoder(MAX_PACKET));
        channel.writeInbound(Unpooled.wrappedBuffer(concat(CONNECT, publish(0, 0, "t/1", "a"),
                publish(0, 0, "t/1", "b"), publish(0, 0, "t/2", "c"))));
        ReferenceCountUtil.release(channel.readInbound());
        MqttPublishMessage first = channel.readInbound();
        MqttPublishMessage second = channel.readInbound();
        MqttPublishMessage third = channel.readInbound();
        try {
            assertThat(second.variableHeader().topicName()).isSameAs(first.variableHeader().topicName());
            assertThat(third.variableHeader().topicName()).isEqualTo("t/2");
        } finally {
            ReferenceCountUtil.release(first);
            ReferenceCountUtil.release(second);
            ReferenceCountUtil.release(third);
            channel.finishAndReleaseAll();
        }
    }

    private static void assertSameAsDecoder(byte[]... packets) {
        byte[] stream = concat(packets);
        List<String> expected = decode(stream, stream.length, new MqttDecoder(MAX_PACKET));
        assertThat(expected).isNotEmpty();
        for (int cut = 1; cut <= stream.length; cut++) {
            List<String> framed = decode(stream, cut, new MqttPublishDecoder(MAX_PACKET), new MqttDecoder(MAX_PACKET));
            assertThat(framed).as("reads of %d bytes", cut).isEqualTo(expected);
        }
    }

    /** What {@code handlers} make of {@code stream} written in reads of {@code cut} bytes, each packet described. */
    private static List<String> decode(byte[] stream, int cut, ChannelHandler... handlers) {
        EmbeddedChannel channel = new EmbeddedChannel(handlers);
        List<String> decoded = new ArrayList<>();
        for (int at = 0; at < stream.length; at += cut) {
            channel.writeInbound(Unpooled.wrappedBuffer(stream, at, Math.min(cut, stream.length - at)));
            for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
                if (decoded.isEmpty() || !decoded.get(decoded.size() - 1).startsWith("failure")) {
                    decoded.add(describe((MqttMessage) message));
                }
                ReferenceCountUtil.release(message);
            }
        }
        channel.finishAndReleaseAll();
        return decoded;
    }

    private static String describe(MqttMessage message) {
        if (message.decoderResult().isFailure()) {
            return "failure " + message.decoderResult().cause().getMessage();
        }
        String text = message.fixedHeader() + " " + message.variableHeader();
        if (message.payload() instanceof ByteBuf payload) {
            text += " payload " + payload.toString(StandardCharsets.UTF_8);
        }
        return text;
    }

    private static byte[] publish(int flags, int packetId, String topic, String payload) {
        int qos = (flags >> 1) & 3;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        body.write(topicBytes.length >> 8);
        body.write(topicBytes.length);
        body.writeBytes(topicBytes);
        if (qos > 0) {
            body.write(packetId >> 8);
            body.write(packetId);
        }
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        return packet(0x30 | flags, body.toByteArray());
    }

    private static byte[] packet(int first, byte[] body) {
        return concat(new byte[] {(byte) first}, MqttPackets.remainingLength(body.length), body);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
