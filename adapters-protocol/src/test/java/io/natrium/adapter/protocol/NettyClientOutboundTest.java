package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ByteArrayMessage.view;
import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static io.natrium.adapter.protocol.ProtocolText.printable;
import static io.natrium.adapter.protocol.ProtocolText.repeat;
import static io.natrium.application.port.out.DeliveryOutcome.DELIVERED;
import static io.natrium.application.port.out.DeliveryOutcome.DELIVERED_SLOW_DOWN;
import static io.natrium.application.port.out.DeliveryOutcome.DROPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.settings.ServerSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outbound on an {@link EmbeddedChannel}: the exact bytes of every server operation, buffering until flush,
 * closing, and slow consumers. Messages come in both kinds the outbound meets: the decoder's
 * {@link WireInboundMessage} and any other {@link InboundMessage}, whose body is copied in 8 KiB chunks.
 */
class NettyClientOutboundTest {

    private static final String HEADER = "NATS/1.0\r\n\r\n";
    private static final byte[] SID = bytes("1");
    private static final long NO_LIMIT = Long.MAX_VALUE;
    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(10);

    private final TrackingAllocator allocator = new TrackingAllocator(PooledByteBufAllocator.DEFAULT);
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<ByteBuf> messageSources = new ArrayList<>();
    private NettyClientOutbound outbound = outbound(NO_LIMIT, 0);

    /** The decoder's flyweight, or any other message. */
    enum Kind { WIRE, BYTE_ARRAY }

    @AfterEach
    void everyBufferIsReleased() {
        channel.finishAndReleaseAll();
        outbound.channelClosed();
        messageSources.forEach(ByteBuf::release);
        assertThat(allocator.unreleased()).as("unreleased buffers").isEmpty();
    }

    static Stream<Arguments> deliveries() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(
                Arguments.of(kind, "", false, "hello", false, "MSG foo 1 5\r\nhello\r\n"),
                Arguments.of(kind, "bar", false, "hello", false, "MSG foo 1 bar 5\r\nhello\r\n"),
                Arguments.of(kind, "bar", true, "hi", true, "HMSG foo 1 bar 12 14\r\n" + HEADER + "hi\r\n"),
                Arguments.of(kind, "", true, "hi", true, "HMSG foo 1 12 14\r\n" + HEADER + "hi\r\n"),
                Arguments.of(kind, "bar", true, "hi", false, "MSG foo 1 bar 2\r\nhi\r\n"),
                Arguments.of(kind, "", true, "", false, "MSG foo 1 0\r\n\r\n"),
                Arguments.of(kind, "", false, "", false, "MSG foo 1 0\r\n\r\n"),
                Arguments.of(kind, "", false, "", true, "MSG foo 1 0\r\n\r\n"),
                Arguments.of(kind, "", false, "hi", true, "MSG foo 1 2\r\nhi\r\n")));
    }

    @ParameterizedTest(name = "{0}: reply={1} headers={2} payload={3} subscriber with headers={4}")
    @MethodSource("deliveries")
    void writesMsgOrHmsgExactly(Kind kind, String reply, boolean hasHeaders, String payload, boolean withHeaders,
            String expected) {
        InboundMessage message = message(kind, "foo", reply, bytes(hasHeaders ? HEADER : ""), bytes(payload));

        assertThat(outbound.deliver(view("foo"), SID, view(reply), message, withHeaders)).isEqualTo(DELIVERED);
        outbound.flush();

        assertThat(written()).isEqualTo(expected);
    }

    static Stream<Arguments> largeBodies() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(0, 8190).flatMap(headerLength ->
                Stream.of(true, false).flatMap(withHeaders -> IntStream.of(0, 1, 8191, 8192, 8193, 20_000)
                        .mapToObj(payloadLength -> Arguments.of(kind, headerLength, payloadLength, withHeaders)))));
    }

    @ParameterizedTest(name = "{0}: header {1} bytes, payload {2} bytes, subscriber with headers {3}")
    @MethodSource("largeBodies")
    void copiesBodiesOfAnySizeIntact(Kind kind, int headerLength, int payloadLength, boolean withHeaders) {
        String headers = headerLength == 0 ? "" : "NATS/1.0\r\nK: " + repeat('v', headerLength - 17) + "\r\n\r\n";
        assertThat(headers).hasSize(headerLength);
        String payload = ProtocolText.text(pattern(payloadLength));
        InboundMessage message = message(kind, "foo", "", bytes(headers), bytes(payload));

        outbound.deliver(view("foo"), SID, view(""), message, withHeaders);
        outbound.flush();

        String expected = headerLength > 0 && withHeaders
                ? "HMSG foo 1 " + headerLength + " " + (headerLength + payloadLength) + "\r\n" + headers + payload
                : "MSG foo 1 " + payloadLength + "\r\n" + payload;
        String written = written();
        // Compared by position, not printed: the texts are long.
        assertThat(mismatch(written, expected + "\r\n")).as("first differing byte").isEqualTo(-1);
    }

    static Stream<Arguments> publishedAndDelivered() {
        return Stream.of(
                published("PUB foo 05\r\nhello\r\n", false, "MSG foo 1 05\r\nhello\r\n"),
                published("PUB foo r 000000002\r\nhi\r\n", false, "MSG foo 1 r 000000002\r\nhi\r\n"),
                published("HPUB foo r 012 014\r\n" + HEADER + "hi\r\n", true,
                        "HMSG foo 1 r 012 014\r\n" + HEADER + "hi\r\n"),
                published("HPUB foo r 012 014\r\n" + HEADER + "hi\r\n", false, "MSG foo 1 r 2\r\nhi\r\n"),
                published("HPUB foo 00 02\r\nhi\r\n", true, "MSG foo 1 02\r\nhi\r\n"),
                published("HPUB foo 12 012\r\n" + HEADER + "\r\n", false, "MSG foo 1 0\r\n\r\n"));
    }

    private static Arguments published(String input, boolean withHeaders, String expected) {
        return Arguments.of(Named.of(printable(input), input), withHeaders, expected);
    }

    /** As nats-server 2.9.10 does: sizes are repeated as the publisher wrote them, unless headers are cut off. */
    @ParameterizedTest(name = "{0} to a subscriber with headers {1}")
    @MethodSource("publishedAndDelivered")
    void repeatsTheSizesAsThePublisherWroteThem(String published, boolean withHeaders, String expected) {
        RecordingSession session = new RecordingSession();
        try (ProtocolChannel client = new ProtocolChannel(session)) {
            NettyClientOutbound loopback = client.outbound();
            session.onPublish(message -> loopback.deliver(message.subject(), SID, message.reply(), message,
                    withHeaders));
            client.feed(published);
            loopback.flush();

            assertThat(written(client.channel())).isEqualTo(expected);
        }
    }

    @Test
    void writesTheControlOperationsExactly() {
        outbound.sendOk();
        outbound.sendPing();
        outbound.sendPong();
        outbound.sendError("Unknown Protocol Operation");
        outbound.sendError("Permissions Violation for Publish to \"a.b\"");
        outbound.flush();

        assertThat(written()).isEqualTo("+OK\r\nPING\r\nPONG\r\n-ERR 'Unknown Protocol Operation'\r\n"
                + "-ERR 'Permissions Violation for Publish to \"a.b\"'\r\n");
    }

    @Test
    void writesInfoWithASpaceBeforeTheLineEnd() {
        ServerInfo info = new ServerInfo("ID", "name", "2.11.0", 1, "", "go", "0.0.0.0", 4222, true, false, false,
                false, false, 1024, false, "", 3, "127.0.0.1", "", "", "", List.of(), List.of(), false, false, "",
                false, "");

        outbound.sendInfo(info);
        outbound.flush();

        assertThat(written()).isEqualTo("INFO " + new String(InfoJson.encode(info), StandardCharsets.UTF_8) + " \r\n");
    }

    @Test
    void writesTheNoRespondersStatusExactly() {
        outbound.sendNoResponders(view("_INBOX.abc.1"), bytes("7"), view("svc.time"));
        outbound.flush();

        String headers = "NATS/1.0 503\r\nNats-Subject: svc.time\r\n\r\n";
        assertThat(headers).hasSize(32 + "svc.time".length());
        assertThat(written()).isEqualTo("HMSG _INBOX.abc.1 7 40 40\r\n" + headers + "\r\n");
    }

    @Test
    void writesNothingUntilFlushAndThenEverythingInOneWrite() {
        outbound.sendOk();
        outbound.deliver(view("foo"), SID, view(""), message(Kind.BYTE_ARRAY, "foo", "", new byte[0], bytes("a")),
                false);
        outbound.sendPong();

        assertThat(channel.outboundMessages()).isEmpty();
        assertThat(outbound.pendingBytes()).isEqualTo("+OK\r\nMSG foo 1 1\r\na\r\nPONG\r\n".length());

        outbound.flush();
        assertThat(channel.outboundMessages()).hasSize(1);
        assertThat(written()).isEqualTo("+OK\r\nMSG foo 1 1\r\na\r\nPONG\r\n");
        assertThat(outbound.pendingBytes()).isZero();

        outbound.flush();
        assertThat(channel.outboundMessages()).isEmpty();
    }

    @Test
    void closeFlushesWhatIsQueuedAndThenCloses() {
        outbound.sendError("Maximum Payload Violation");
        outbound.close(CloseReason.MAX_PAYLOAD_EXCEEDED);
        outbound.sendPing();

        runTasks();

        assertThat(written()).isEqualTo("-ERR 'Maximum Payload Violation'\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(outbound.closeReason()).isEqualTo(CloseReason.MAX_PAYLOAD_EXCEEDED);
    }

    @Test
    void theFirstCloseReasonWinsAndNothingIsQueuedAfterIt() {
        outbound.close(CloseReason.STALE_CONNECTION);
        outbound.close(CloseReason.SERVER_SHUTDOWN);

        assertThat(outbound.closeReason()).isEqualTo(CloseReason.STALE_CONNECTION);
        assertThat(deliverBody(10)).isEqualTo(DROPPED);
        outbound.sendError("late");
        outbound.sendInfo(new ServerInfo("ID", "", "", 1, "", "", "", 0, false, false, false, false, false, 0, false,
                "", 0, "", "", "", "", List.of(), List.of(), false, false, "", false, ""));
        outbound.sendNoResponders(view("r"), SID, view("s"));
        assertThat(outbound.pendingBytes()).isZero();

        runTasks();
        assertThat(written()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = CloseReason.class, names = {"SLOW_CONSUMER_PENDING_BYTES", "SLOW_CONSUMER_WRITE_DEADLINE"})
    void aSlowConsumerIsClosedWithoutItsPendingData(CloseReason reason) {
        outbound.sendPing();
        deliverBody(100);

        outbound.close(reason);
        assertThat(allocator.unreleased()).as("the pending buffer is released at once").isEmpty();

        runTasks();
        assertThat(written()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void asksProducersToSlowDownPastThreeQuartersOfMaxPendingAndDropsTheSlowConsumerPastMaxPending() {
        outbound = outbound(10_000, 0);
        // Each delivery queues 1,018 bytes ("MSG foo 1 1000\r\n", the body, CRLF): 75% is passed by the 8th, and
        // the 10th would pass 10,000.
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(deliverBody(1000));
        }

        assertThat(outcomes).containsExactly(DELIVERED, DELIVERED, DELIVERED, DELIVERED, DELIVERED, DELIVERED,
                DELIVERED, DELIVERED_SLOW_DOWN, DELIVERED_SLOW_DOWN, DROPPED);
        assertThat(outbound.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
        assertThat(deliverBody(1)).isEqualTo(DROPPED);

        runTasks();
        assertThat(written()).as("what was pending for the slow consumer").isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void bytesTheChannelHasNotWrittenYetCountAsPending() {
        outbound = outbound(10_000, 0);
        channel.write(Unpooled.wrappedBuffer(new byte[9_000]));

        // Netty adds a fixed overhead per queued write.
        assertThat(outbound.pendingBytes()).isGreaterThanOrEqualTo(9_000);
        assertThat(deliverBody(1000)).isEqualTo(DROPPED);
        assertThat(outbound.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
    }

    @Test
    void aSocketThatStaysUnwritablePastTheWriteDeadlineIsASlowConsumer() {
        channel.freezeTime();
        outbound = outbound(NO_LIMIT, DEADLINE);
        makeUnwritable();
        outbound.writabilityChanged();

        channel.advanceTimeBy(DEADLINE - 1, TimeUnit.NANOSECONDS);
        runTasks();
        assertThat(outbound.closeReason()).isNull();

        channel.advanceTimeBy(1, TimeUnit.NANOSECONDS);
        runTasks();
        assertThat(outbound.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_WRITE_DEADLINE);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aSocketThatBecomesWritableAgainInTimeIsKept() {
        channel.freezeTime();
        outbound = outbound(NO_LIMIT, DEADLINE);
        makeUnwritable();
        outbound.writabilityChanged();

        channel.flush();
        assertThat(channel.isWritable()).isTrue();
        outbound.writabilityChanged();
        channel.advanceTimeBy(2 * DEADLINE, TimeUnit.NANOSECONDS);
        runTasks();

        assertThat(outbound.closeReason()).isNull();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void theWriteDeadlineCountsFromTheLastTimeTheSocketStoppedTakingWrites() {
        channel.freezeTime();
        outbound = outbound(NO_LIMIT, DEADLINE);
        ChannelOutboundBuffer socket = channel.unsafe().outboundBuffer();
        socket.setUserDefinedWritability(1, false);
        outbound.writabilityChanged();
        channel.advanceTimeBy(DEADLINE / 2, TimeUnit.NANOSECONDS);
        socket.setUserDefinedWritability(1, true);
        outbound.writabilityChanged();
        channel.advanceTimeBy(DEADLINE / 10, TimeUnit.NANOSECONDS);
        socket.setUserDefinedWritability(1, false);
        outbound.writabilityChanged();

        channel.advanceTimeBy(DEADLINE / 10 * 4, TimeUnit.NANOSECONDS);
        runTasks();
        assertThat(outbound.closeReason()).as("unwritable for 4/10 of the deadline").isNull();

        channel.advanceTimeBy(DEADLINE / 2, TimeUnit.NANOSECONDS);
        runTasks();
        assertThat(outbound.closeReason()).as("unwritable for 9/10 of the deadline").isNull();

        channel.advanceTimeBy(DEADLINE / 10, TimeUnit.NANOSECONDS);
        runTasks();
        assertThat(outbound.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_WRITE_DEADLINE);
    }

    @Test
    void aWriteDeadlineReloadedAfterTheConnectionOpenedIsTheOneItArms() {
        channel.freezeTime();
        AtomicReference<ServerSettings> settings = new AtomicReference<>(withDeadline(10 * DEADLINE));
        outbound = outbound(new OutboundLimits(settings::get, PendingBudget.unlimited()));

        settings.set(withDeadline(DEADLINE));
        makeUnwritable();
        outbound.writabilityChanged();
        channel.advanceTimeBy(DEADLINE, TimeUnit.NANOSECONDS);
        runTasks();

        assertThat(outbound.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_WRITE_DEADLINE);
    }

    @Test
    void aWriteDeadlineShortenedWhileTheSocketIsBlockedAppliesAtTheNextFlush() {
        channel.freezeTime();
        AtomicReference<ServerSettings> settings = new AtomicReference<>(withDeadline(10 * DEADLINE));
        outbound = outbound(new OutboundLimits(settings::get, PendingBudget.unlimited()));
        makeUnwritable();
        outbound.writabilityChanged();
        channel.advanceTimeBy(DEADLINE, TimeUnit.NANOSECONDS);
        runTasks();
        outbound.flush();
        assertThat(outbound.closeReason()).as("blocked for a tenth of the deadline").isNull();

        settings.set(withDeadline(DEADLINE / 2));
        outbound.flush();

        assertThat(outbound.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_WRITE_DEADLINE);
    }

    @Test
    void aSocketThatFlipsBetweenWritableAndNotAllocatesNoTimerPerFlip() {
        outbound = outbound(NO_LIMIT, DEADLINE);
        ChannelOutboundBuffer socket = channel.unsafe().outboundBuffer();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        flip(socket, 10_000);

        long before = threads.getCurrentThreadAllocatedBytes();
        flip(socket, 10_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated by 10,000 flips").isLessThan(10_000);
        assertThat(outbound.closeReason()).isNull();
    }

    @Test
    void theTimerThatForcesAClosingConnectionShutEndsWithTheChannel() {
        channel.freezeTime();
        outbound = outbound(NO_LIMIT, DEADLINE);
        outbound.sendError("Stale Connection");
        outbound.close(CloseReason.STALE_CONNECTION);
        runTasks();

        assertThat(written()).isEqualTo("-ERR 'Stale Connection'\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(channel.runScheduledPendingTasks()).as("nanoseconds until the next scheduled task (-1: none)")
                .isEqualTo(-1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFrameThatFailsHalfWrittenLeavesNothingOfItBehind(Kind kind) {
        InboundMessage broken = ScriptedBodyMessage.failingFrom(100, 0);
        InboundMessage whole = message(kind, "foo", "", new byte[0], bytes("hello"));

        assertThatThrownBy(() -> outbound.deliver(view("foo"), SID, view(""), broken, false))
                .isInstanceOf(IllegalStateException.class);
        outbound.deliver(view("foo"), SID, view(""), whole, false);
        outbound.flush();

        assertThat(written()).isEqualTo("MSG foo 1 5\r\nhello\r\n");
    }

    @Test
    void pauseReadingStopsAutoReadForTheGivenTime() {
        channel.freezeTime();
        outbound.pauseReading(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(channel.config().isAutoRead()).isFalse();

        outbound.pauseReading(TimeUnit.SECONDS.toNanos(60));
        channel.advanceTimeBy(499, TimeUnit.MILLISECONDS);
        runTasks();
        assertThat(channel.config().isAutoRead()).isFalse();
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        runTasks();

        assertThat(channel.config().isAutoRead()).isTrue();
    }

    private NettyClientOutbound outbound(long maxPending, long writeDeadlineNanos) {
        return outbound(FixedLimits.of(maxPending, writeDeadlineNanos));
    }

    private NettyClientOutbound outbound(OutboundLimits limits) {
        channel.config().setAllocator(allocator);
        return new NettyClientOutbound(channel, limits);
    }

    private static ServerSettings withDeadline(long nanos) {
        return ServerSettings.builder().writeDeadline(Duration.ofNanos(nanos)).build();
    }

    /** Runs the event loop's tasks until none is due, including those the tasks themselves queue. */
    private void runTasks() {
        do {
            channel.runPendingTasks();
        } while (channel.hasPendingTasks());
    }

    private DeliveryOutcome deliverBody(int length) {
        InboundMessage message = message(Kind.BYTE_ARRAY, "foo", "", new byte[0], pattern(length));
        return outbound.deliver(view("foo"), SID, view(""), message, false);
    }

    /** Makes the socket refuse and then take writes {@code times} times, telling the outbound each time. */
    private void flip(ChannelOutboundBuffer socket, int times) {
        for (int i = 0; i < times; i++) {
            socket.setUserDefinedWritability(1, false);
            outbound.writabilityChanged();
            socket.setUserDefinedWritability(1, true);
            outbound.writabilityChanged();
            if (i % 64 == 0) {
                // Netty queues a task per flip for the pipeline; left queued, they would be counted here.
                channel.runPendingTasks();
            }
        }
    }

    private void makeUnwritable() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        channel.write(Unpooled.wrappedBuffer(new byte[32]));
        assertThat(channel.isWritable()).isFalse();
    }

    private InboundMessage message(Kind kind, String subject, String reply, byte[] headers, byte[] payload) {
        return kind == Kind.BYTE_ARRAY ? ByteArrayMessage.of(subject, reply, headers, payload)
                : WireMessages.of(subject, reply, headers, payload, messageSources);
    }

    /** Bytes that differ from their neighbours, so a chunk copied to the wrong place shows. */
    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }

    private String written() {
        return written(channel);
    }

    private static int mismatch(String actual, String expected) {
        return Arrays.mismatch(actual.toCharArray(), expected.toCharArray());
    }

    /** Everything the channel wrote, in order, as ISO-8859-1 text; the buffers are released. */
    static String written(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (ByteBuf buffer = channel.readOutbound(); buffer != null; buffer = channel.readOutbound()) {
            text.append(buffer.toString(StandardCharsets.ISO_8859_1));
            buffer.release();
        }
        return text.toString();
    }
}
