package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ByteArrayMessage.view;
import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static io.natrium.application.port.out.DeliveryOutcome.DELIVERED;
import static io.natrium.application.port.out.DeliveryOutcome.DELIVERED_SLOW_DOWN;
import static io.natrium.application.port.out.DeliveryOutcome.DROPPED;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.settings.ServerSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server-wide budget of pending data, through real outbounds on {@link EmbeddedChannel}s. A client that is
 * never flushed stands for one that stopped reading: all it is sent stays pending.
 */
class PendingBudgetTest {

    private static final long KIB = 1024;
    private static final byte[] SID = bytes("1");

    private final TrackingAllocator allocator = new TrackingAllocator(PooledByteBufAllocator.DEFAULT);
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final List<NettyClientOutbound> outbounds = new ArrayList<>();

    @AfterEach
    void everyBufferIsReleased() {
        for (int i = 0; i < channels.size(); i++) {
            channels.get(i).finishAndReleaseAll();
            outbounds.get(i).channelClosed();
        }
        assertThat(allocator.unreleased()).as("unreleased buffers").isEmpty();
    }

    @Test
    void aClientThatKeepsUpNeverTouchesTheBudget() {
        PendingBudget budget = new PendingBudget(256 * KIB);
        NettyClientOutbound healthy = outbound(budget);

        for (int i = 0; i < 1000; i++) {
            assertThat(deliver(healthy, 1000)).isEqualTo(DELIVERED);
            if (i % 10 == 9) {
                healthy.flush();
                assertThat(budget.charged()).isZero();
            }
        }
    }

    @Test
    void aClientFallingBehindTakesCreditInStepsAndGivesItBackWhenItCatchesUp() {
        PendingBudget budget = new PendingBudget(Long.MAX_VALUE);
        NettyClientOutbound behind = outbound(budget);

        deliverUpTo(behind, 200 * KIB);
        assertThat(budget.charged()).as("credit above the free 64 KiB, in 64 KiB steps")
                .isEqualTo(256 * KIB - PendingBudget.FREE_PER_CLIENT);

        behind.flush();
        assertThat(budget.charged()).as("after the socket took everything").isZero();
    }

    @Test
    void whenTheBudgetRunsOutTheClientHoldingTheMostIsCutAndTheOneAppendingGetsItsMessage() {
        PendingBudget budget = new PendingBudget(512 * KIB);
        NettyClientOutbound stalledMost = outbound(budget);
        NettyClientOutbound stalledLess = outbound(budget);
        NettyClientOutbound healthy = outbound(budget);
        deliverUpTo(stalledLess, 200 * KIB);
        int heldByTheLess = allocator.unreleased().size();
        deliverUpTo(stalledMost, 300 * KIB);
        long chargedBefore = budget.charged();

        // 150 KB needs 128 KiB of credit: 64 KiB more than the budget has left.
        DeliveryOutcome outcome = deliver(healthy, 150_000);

        assertThat(chargedBefore).as("credit taken before").isEqualTo(256 * KIB + 192 * KIB);
        assertThat(outcome).isEqualTo(DELIVERED);
        assertThat(stalledMost.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
        assertThat(stalledLess.closeReason()).as("enough was freed by cutting the largest").isNull();
        assertThat(healthy.closeReason()).isNull();
        assertThat(budget.charged()).as("the cut client's credit is back").isEqualTo(192 * KIB + 128 * KIB);
        // What is left: the buffers of the client not cut, and the one the healthy client's message went to.
        assertThat(allocator.unreleased()).as("the cut client's pending buffers are released at once")
                .hasSize(heldByTheLess + 1);
    }

    @Test
    void aClientThatAloneHoldsMoreThanTheBudgetIsTheOneCut() {
        PendingBudget budget = new PendingBudget(128 * KIB);
        NettyClientOutbound stalled = outbound(budget);
        List<DeliveryOutcome> outcomes = new ArrayList<>();

        for (int i = 0; i < 250 && !outcomes.contains(DROPPED); i++) {
            outcomes.add(deliver(stalled, 1000));
        }

        assertThat(outcomes).contains(DELIVERED_SLOW_DOWN).endsWith(DROPPED);
        assertThat(stalled.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
        assertThat(budget.charged()).isZero();
    }

    @Test
    void producersAreAskedToSlowDownAtThreeQuartersOfTheBudgetWhenItIsBelowMaxPending() {
        PendingBudget budget = new PendingBudget(400 * KIB);
        NettyClientOutbound behind = outbound(budget);

        DeliveryOutcome last = DELIVERED;
        long held = 0;
        while (last == DELIVERED) {
            last = deliver(behind, 1000);
            held = behind.pendingBytes();
        }

        assertThat(last).isEqualTo(DELIVERED_SLOW_DOWN);
        assertThat(held).isBetween(300 * KIB, 300 * KIB + 1100);
    }

    @Test
    void anAllocationThatFailsCutsTheClientItWasForAndThrowsNothingAtTheCaller() {
        PendingBudget budget = new PendingBudget(Long.MAX_VALUE);
        NettyClientOutbound subscriber = outbound(budget, new NoDirectMemory(allocator));

        DeliveryOutcome outcome = deliver(subscriber, 1000);
        subscriber.sendPong();

        assertThat(outcome).isEqualTo(DROPPED);
        assertThat(subscriber.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
        assertThat(budget.charged()).isZero();
    }

    private NettyClientOutbound outbound(PendingBudget budget) {
        return outbound(budget, allocator);
    }

    private NettyClientOutbound outbound(PendingBudget budget, ByteBufAllocator alloc) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(alloc);
        ServerSettings settings = ServerSettings.defaults();
        NettyClientOutbound outbound = new NettyClientOutbound(channel, new OutboundLimits(() -> settings, budget));
        channels.add(channel);
        outbounds.add(outbound);
        return outbound;
    }

    /** Delivers 1,000-byte messages until the client holds at least {@code bytes}. */
    private static void deliverUpTo(NettyClientOutbound outbound, long bytes) {
        while (outbound.pendingBytes() < bytes) {
            assertThat(deliver(outbound, 1000)).isEqualTo(DELIVERED);
        }
    }

    private static DeliveryOutcome deliver(NettyClientOutbound outbound, int payloadLength) {
        return outbound.deliver(view("foo"), SID, view(""),
                ByteArrayMessage.of("foo", "", new byte[0], new byte[payloadLength]), false);
    }

    /** An allocator with no direct memory left, failing as the JDK does. */
    private static final class NoDirectMemory extends io.netty.buffer.AbstractByteBufAllocator {
        private final ByteBufAllocator delegate;

        NoDirectMemory(ByteBufAllocator delegate) {
            super(true);
            this.delegate = delegate;
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            return delegate.heapBuffer(initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            throw new OutOfMemoryError("Cannot reserve " + initialCapacity + " bytes of direct buffer memory");
        }

        @Override
        public boolean isDirectBufferPooled() {
            return true;
        }
    }
}
