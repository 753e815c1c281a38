package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ByteArrayMessage.view;
import static io.natrium.adapter.protocol.InboundTraceTest.prefixed;
import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.InboundMessage;
import io.natrium.testkit.RecordingTracer;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the outbound traces with tracing on ({@code -V}): every operation queued for the client, under the client's
 * own prefix, as nats-server writes it; the MSG line exactly as it goes on the wire, then the payload.
 */
class OutboundTraceTest {

    private static final byte[] SID = bytes("1");
    private static final String HEADER = "NATS/1.0\r\n\r\n";

    private final TrackingAllocator allocator = new TrackingAllocator(PooledByteBufAllocator.DEFAULT);
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RecordingTracer tracer = new RecordingTracer();
    private final NettyClientOutbound outbound = tracedOutbound();

    @AfterEach
    void everyBufferIsReleased() {
        channel.finishAndReleaseAll();
        outbound.channelClosed();
        assertThat(allocator.unreleased()).as("unreleased buffers").isEmpty();
    }

    @Test
    void tracesProtocolReplies() {
        outbound.sendOk();
        outbound.sendPing();
        outbound.sendPong();
        outbound.sendError("Unknown Protocol Operation");

        assertThat(tracer.lines()).containsExactlyElementsOf(prefixed(
                "->> [OK]", "->> [PING]", "->> [PONG]", "->> [-ERR Unknown Protocol Operation]"));
    }

    static Stream<Arguments> deliveries() {
        return Stream.of(
                Arguments.of("", "", "hello", false, List.of("->> [MSG foo 1 5]", "->> MSG_PAYLOAD: [\"hello\"]")),
                Arguments.of("bar", "", "hello", false,
                        List.of("->> [MSG foo 1 bar 5]", "->> MSG_PAYLOAD: [\"hello\"]")),
                Arguments.of("", HEADER, "hi", true,
                        List.of("->> [HMSG foo 1 12 14]", "->> MSG_PAYLOAD: [\"NATS/1.0\\r\\n\\r\\nhi\"]")),
                // A subscriber without headers gets, and the trace shows, the payload alone.
                Arguments.of("", HEADER, "hi", false, List.of("->> [MSG foo 1 2]", "->> MSG_PAYLOAD: [\"hi\"]")),
                Arguments.of("", "", "", false, List.of("->> [MSG foo 1 0]")));
    }

    @ParameterizedTest(name = "reply={0} headers={1} payload={2} subscriber with headers={3}")
    @MethodSource("deliveries")
    void tracesEachDeliveryLineAndPayload(String reply, String headers, String payload, boolean withHeaders,
            List<String> expected) {
        outbound.deliver(view("foo"), SID, view(reply), message(reply, headers, payload), withHeaders);

        assertThat(tracer.lines()).containsExactlyElementsOf(prefixed(expected.toArray(String[]::new)));
    }

    @Test
    void traceHeadersShowsOnlyTheHeadersOfADelivery() {
        tracer.headersOnly(true);

        outbound.deliver(view("foo"), SID, view(""), message("", "NATS/1.0\r\nA: b\r\n\r\n", "hi"), true);
        outbound.deliver(view("foo"), SID, view(""), message("", "", "hi"), true);

        assertThat(tracer.lines()).containsExactlyElementsOf(prefixed(
                "->> [HMSG foo 1 18 20]", "->> MSG_PAYLOAD: [\"NATS/1.0\\r\\nA: b\"]", "->> [MSG foo 1 2]"));
    }

    @Test
    void cutsDeliveredPayloadsAtMaxTracedMsgLen() {
        tracer.maxPayloadLength(3);

        outbound.deliver(view("foo"), SID, view(""), message("", "", "hello"), false);

        assertThat(tracer.lines()).containsExactlyElementsOf(prefixed(
                "->> [MSG foo 1 5]", "->> MSG_PAYLOAD: [\"hel...\"]"));
    }

    @Test
    void leavesInfoAndNoRespondersUntraced() {
        outbound.sendNoResponders(view("_INBOX.1"), SID, view("foo"));

        assertThat(tracer.lines()).isEmpty();
    }

    @Test
    void tracesNothingWhenTracingIsOff() {
        tracer.enabled(false);

        outbound.sendOk();
        outbound.sendPong();
        outbound.sendError("Stale Connection");
        outbound.deliver(view("foo"), SID, view(""), message("", HEADER, "hi"), true);

        assertThat(tracer.lines()).isEmpty();
    }

    @Test
    void tracesNothingBeforeItKnowsItsClient() {
        NettyClientOutbound untraced = new NettyClientOutbound(channel, FixedLimits.of(Long.MAX_VALUE, 0));

        untraced.sendOk();

        assertThat(tracer.lines()).isEmpty();
        untraced.channelClosed();
    }

    private NettyClientOutbound tracedOutbound() {
        channel.config().setAllocator(allocator);
        NettyClientOutbound traced = new NettyClientOutbound(channel, FixedLimits.of(Long.MAX_VALUE, 0));
        traced.traceAs(new RecordingSession(), tracer);
        return traced;
    }

    private static InboundMessage message(String reply, String headers, String payload) {
        return ByteArrayMessage.of("foo", reply, bytes(headers), bytes(payload));
    }
}
