package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pending buffer's life and the bytes a client holds, on an {@link EmbeddedChannel} that is never flushed. */
class PendingBufferTest {

    private final TrackingAllocator allocator = new TrackingAllocator(PooledByteBufAllocator.DEFAULT);
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final PendingBuffer pending = new PendingBuffer(channel);

    PendingBufferTest() {
        channel.config().setAllocator(allocator);
    }

    @AfterEach
    void everyBufferIsReleased() {
        pending.release();
        channel.finishAndReleaseAll();
        assertThat(allocator.unreleased()).as("unreleased buffers").isEmpty();
    }

    @Test
    void nothingIsHeldAndNothingAllocatedUntilTheFirstAppend() {
        assertThat(pending.heldBytes()).isZero();
        assertThat(pending.take()).isNull();
        pending.release();

        assertThat(allocator.handedOut()).isZero();
    }

    @Test
    void appendsGoToOneBufferFromTheChannelsAllocatorThatGrowsAsNeeded() {
        ByteBuf first = pending.room(10).writeBytes(new byte[10]);
        ByteBuf second = pending.room(5_000).writeBytes(new byte[5_000]);

        assertThat(second).isSameAs(first);
        assertThat(allocator.handedOut()).isEqualTo(1);
        assertThat(first.capacity()).as("at least 512 bytes from the start").isGreaterThanOrEqualTo(5_010);
        assertThat(pending.heldBytes()).isEqualTo(5_010);
    }

    @Test
    void aFirstAppendLargerThanTheInitialSizeGetsRoomForAllOfIt() {
        assertThat(pending.room(100_000).writableBytes()).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void pastTheMostPerBufferAppendsGoToFurtherBuffersAndNoneIsGrownBeyondIt() {
        int frame = 1_000;
        int frames = 3 * PendingBuffer.MOST_PER_BUFFER / frame;
        for (int i = 0; i < frames; i++) {
            ByteBuf out = pending.room(frame);
            assertThat(out.capacity()).as("capacity of the buffer frame " + i + " goes to")
                    .isLessThanOrEqualTo(PendingBuffer.MOST_PER_BUFFER);
            byte[] bytes = new byte[frame];
            Arrays.fill(bytes, (byte) i);
            out.writeBytes(bytes);
        }
        assertThat(pending.heldBytes()).isEqualTo((long) frames * frame);

        ByteBuf taken = pending.take();
        assertThat(taken.readableBytes()).as("everything, in one buffer to write").isEqualTo(frames * frame);
        for (int i = 0; i < frames; i++) {
            assertThat(taken.getByte(i * frame)).as("first byte of frame " + i).isEqualTo((byte) i);
            assertThat(taken.getByte(i * frame + frame - 1)).as("last byte of frame " + i).isEqualTo((byte) i);
        }
        assertThat(pending.heldBytes()).as("no longer pending here").isZero();
        assertThat(pending.take()).isNull();
        taken.release();
    }

    @Test
    void aFrameLargerThanTheMostPerBufferGetsABufferOfItsOwn() {
        pending.room(10).writeBytes(new byte[10]);
        ByteBuf large = pending.room(200_000);
        assertThat(large.writableBytes()).isGreaterThanOrEqualTo(200_000);
        large.writeBytes(new byte[200_000]);

        assertThat(pending.heldBytes()).isEqualTo(200_010);
    }

    @Test
    void releasingDropsEveryBufferOfTheChain() {
        for (int i = 0; i < 3; i++) {
            pending.room(PendingBuffer.MOST_PER_BUFFER).writeBytes(new byte[PendingBuffer.MOST_PER_BUFFER]);
        }
        pending.release();

        assertThat(pending.heldBytes()).isZero();
        assertThat(allocator.unreleased()).isEmpty();
    }

    @Test
    void takingHandsTheBufferOverAndTheNextAppendStartsANewOne() {
        ByteBuf first = pending.room(10).writeBytes(new byte[10]);

        ByteBuf taken = pending.take();
        assertThat(taken).isSameAs(first);
        assertThat(pending.heldBytes()).as("no longer pending here").isZero();
        assertThat(pending.take()).isNull();

        ByteBuf next = pending.room(10);
        assertThat(next).isNotSameAs(first);
        taken.release();
    }

    @Test
    void aNewBufferStartsAtTheSizeTheLastFlushesNeededAndShrinksBackWhenTheyNeedLess() {
        assertThat(startCapacityAfterFlushing(40_000, 1)).as("one large flush doubles the start").isEqualTo(1024);
        assertThat(startCapacityAfterFlushing(40_000, 5)).isEqualTo(32 * 1024);
        assertThat(startCapacityAfterFlushing(200_000, 10)).as("never above 64 KiB").isEqualTo(64 * 1024);
        assertThat(startCapacityAfterFlushing(100, 2)).as("halved while a flush uses under a quarter")
                .isEqualTo(16 * 1024);
        assertThat(startCapacityAfterFlushing(100, 20)).as("never under 512 bytes").isEqualTo(512);
    }

    /** Flushes {@code flushes} buffers of {@code used} bytes; the capacity of the buffer made after them. */
    private int startCapacityAfterFlushing(int used, int flushes) {
        for (int i = 0; i < flushes; i++) {
            pending.room(used).writeBytes(new byte[used]);
            pending.take().release();
        }
        int capacity = pending.room(1).capacity();
        pending.release();  // dropped, not flushed: the start size stays
        return capacity;
    }

    @Test
    void whatTheChannelHasNotWrittenYetIsHeldToo() {
        channel.write(Unpooled.wrappedBuffer(new byte[9_000]));
        pending.room(100).writeBytes(new byte[100]);

        // Netty adds a fixed overhead per queued write.
        assertThat(pending.heldBytes()).isBetween(9_100L, 9_100L + 1_000);

        channel.flush();
        channel.releaseOutbound();
        assertThat(pending.heldBytes()).isEqualTo(100);
    }

    @Test
    void releasingDropsWhatIsPendingOnce() {
        ByteBuf buffer = pending.room(10).writeBytes(new byte[10]);

        pending.release();
        pending.release();

        assertThat(buffer.refCnt()).isZero();
        assertThat(pending.heldBytes()).isZero();
    }

    @Test
    void onceTheChannelHasClosedOnlyWhatIsPendingHereIsHeld() {
        pending.room(10).writeBytes(new byte[10]);
        channel.close();

        assertThat(channel.unsafe().outboundBuffer()).isNull();
        assertThat(pending.heldBytes()).isEqualTo(10);
    }
}
