package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The close's reason and its end on the event loop, on an {@link EmbeddedChannel} with its clock frozen. A peer that
 * stops reading is a handler that keeps every write unfinished. Closing after the event loop stopped is in
 * {@link NettyClientOutboundThreadsTest}.
 */
class OutboundCloseTest {

    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(10);

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<ByteBuf> stuck = new ArrayList<>();
    private OutboundClose close = new OutboundClose(channel, FixedLimits.of(Long.MAX_VALUE, DEADLINE));

    OutboundCloseTest() {
        channel.freezeTime();
    }

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
        stuck.forEach(ByteBuf::release);
    }

    @Test
    void theFirstReasonWinsAndStopsQueueing() {
        assertThat(close.closing()).isFalse();
        assertThat(close.reason()).isNull();

        assertThat(close.start(CloseReason.STALE_CONNECTION)).isTrue();
        assertThat(close.start(CloseReason.SERVER_SHUTDOWN)).isFalse();

        assertThat(close.closing()).isTrue();
        assertThat(close.reason()).isEqualTo(CloseReason.STALE_CONNECTION);
    }

    @Test
    void aChannelThatWentAwayStopsQueueingWithoutAReason() {
        close.channelGone();

        assertThat(close.closing()).isTrue();
        assertThat(close.reason()).isNull();
        assertThat(close.start(CloseReason.SERVER_SHUTDOWN)).as("a later close still records its reason").isTrue();
    }

    @Test
    void aCloseThatKeepsPendingDataSendsTheLastBufferThenClosesAndLeavesNoTimer() {
        close.finish(CloseReason.STALE_CONNECTION, Unpooled.copiedBuffer("-ERR 'Stale Connection'\r\n",
                StandardCharsets.ISO_8859_1));
        channel.runPendingTasks();

        assertThat(written()).isEqualTo("-ERR 'Stale Connection'\r\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(channel.runScheduledPendingTasks()).as("the forced close ended with the channel").isEqualTo(-1);
    }

    @Test
    void aSlowConsumerIsClosedAtOnce() {
        channel.pipeline().addFirst(new NeverWrites());
        channel.write(Unpooled.wrappedBuffer(bytes("queued")));

        close.finish(CloseReason.SLOW_CONSUMER_PENDING_BYTES, null);
        channel.runPendingTasks();

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aClientThatStopsReadingIsClosedByForceOnceTheWriteDeadlinePasses() {
        channel.pipeline().addFirst(new NeverWrites());

        close.finish(CloseReason.STALE_CONNECTION, Unpooled.copiedBuffer(bytes("-ERR 'Stale Connection'\r\n")));
        channel.runPendingTasks();
        channel.advanceTimeBy(DEADLINE - 1, TimeUnit.NANOSECONDS);
        channel.runPendingTasks();
        assertThat(channel.isOpen()).as("waiting for the last write").isTrue();

        channel.advanceTimeBy(1, TimeUnit.NANOSECONDS);
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void withoutAWriteDeadlineAClosingConnectionWaitsForItsLastWrite() {
        close = new OutboundClose(channel, FixedLimits.of(Long.MAX_VALUE, 0));
        channel.pipeline().addFirst(new NeverWrites());

        close.finish(CloseReason.STALE_CONNECTION, null);
        channel.runPendingTasks();
        channel.advanceTimeBy(100 * DEADLINE, TimeUnit.NANOSECONDS);
        channel.runPendingTasks();

        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.runScheduledPendingTasks()).as("no forced close").isEqualTo(-1);
    }

    @Test
    void aHandOffRunsTheTaskOnTheEventLoop() {
        List<String> ran = new ArrayList<>();

        assertThat(close.handOff(() -> ran.add("task"))).isTrue();
        channel.runPendingTasks();

        assertThat(ran).containsExactly("task");
    }

    private String written() {
        return NettyClientOutboundTest.written(channel);
    }

    /** A peer that reads nothing: writes are kept, never finished. */
    private final class NeverWrites extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            stuck.add((ByteBuf) msg);
        }
    }
}
