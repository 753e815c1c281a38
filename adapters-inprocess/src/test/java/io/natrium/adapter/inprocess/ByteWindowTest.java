package io.natrium.adapter.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ByteWindowTest {

    private final AtomicInteger flushes = new AtomicInteger();
    private final EmbeddedChannel writer = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes.incrementAndGet();
            ctx.flush();
        }
    });
    private final ByteWindow window = new ByteWindow(100, writer);

    @Test
    void aWriterMayHandOverUntilTheLimitIsInFlight() {
        assertThat(window.tryOpen()).isTrue();
        window.sent(99);
        assertThat(window.tryOpen()).isTrue();
        window.sent(30);

        assertThat(window.tryOpen()).as("129 in flight").isFalse();
        assertThat(window.inFlight()).isEqualTo(129);
    }

    @Test
    void aHeldWriterIsFlushedOnceHalfTheWindowIsFree() {
        window.sent(150);
        assertThat(window.tryOpen()).isFalse();

        window.consumed(60);
        writer.runPendingTasks();
        assertThat(flushes).as("90 still in flight").hasValue(0);

        window.consumed(40);
        writer.runPendingTasks();
        assertThat(flushes).as("50 in flight: half the window").hasValue(1);
        assertThat(window.tryOpen()).isTrue();
    }

    @Test
    void aWriterThatWasNeverHeldIsNotFlushed() {
        window.sent(80);
        window.consumed(80);
        writer.runPendingTasks();

        assertThat(flushes).hasValue(0);
        assertThat(window.inFlight()).isZero();
    }

    @Test
    void oneFlushPerHold() {
        window.sent(200);
        assertThat(window.tryOpen()).isFalse();
        window.consumed(150);
        window.consumed(50);
        writer.runPendingTasks();

        assertThat(flushes).hasValue(1);
    }
}
