package io.natrium.adapter.protocol;

import io.natrium.domain.HotPath;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;

/**
 * What waits to be sent to one client: pooled buffers from the channel's allocator, the first made on the first append
 * after each flush and grown as frames are appended up to {@link #MOST_PER_BUFFER}, then followed by others of that
 * size, all handed to the channel at a flush (as one composite buffer when there are several); and the measure of what
 * the client holds, those buffers plus what the channel has been given and not yet written to the socket.
 *
 * <p>One buffer grown without end is what made fan-out slow in turns: a subscriber whose flushes came late (handed to
 * its own event loop) had its buffer doubled again and again, each time copying all of it, and past the allocator's
 * pooled sizes every doubling was a fresh, zeroed, unpooled allocation; the slower the server got, the larger the
 * buffers, and the slower it got. A chain of buffers of a pooled size copies nothing twice, as nats-server queues
 * what it sends in buffers of a few fixed sizes.
 *
 * <p>The first buffer after a flush starts at the size the last flushes needed (between 512 bytes and 64 KiB, doubled
 * when a flush needed more, halved when one used under a quarter, as nats-server sizes a client's outbound buffer),
 * so that a subscriber receiving a read's worth of messages per flush does not regrow it from 512 bytes by doubling
 * and copying at every flush. Only the size is remembered: an idle client still holds no buffer.
 *
 * <p>Apart from {@link OutboundQueue} because it is the buffers' life (made, grown, handed over, released) and
 * the one read of the channel's own queue, kept in one place so that no path leaks a buffer or counts the queue
 * differently. Not thread-safe: guarded by the outbound's lock.
 */
@HotPath
final class PendingBuffer {

    private static final int INITIAL_SIZE = 512;
    /** Past this, appends go to a new buffer: well inside the sizes Netty's allocator pools. */
    static final int MOST_PER_BUFFER = 64 * 1024;

    private final Channel channel;
    /** The buffer appends go to; null when nothing is pending. */
    private ByteBuf buffer;
    /** The buffers filled before it, oldest first; null until a first one fills. */
    private CompositeByteBuf filled;
    /** The size the first buffer after a flush starts at. */
    private int startSize = INITIAL_SIZE;

    PendingBuffer(Channel channel) {
        this.channel = channel;
    }

    /**
     * The buffer, with room for at least {@code size} more bytes.
     *
     * @throws OutOfMemoryError when there is no direct memory for them (Netty's {@code OutOfDirectMemoryError} or the
     *                          JDK's "Cannot reserve ... bytes of direct buffer memory"); the buffer is as it was
     */
    ByteBuf room(int size) {
        if (buffer == null) {
            buffer = channel.alloc().ioBuffer(Math.max(startSize, size));
        } else if (buffer.writableBytes() < size) {
            if (buffer.readableBytes() + size <= MOST_PER_BUFFER) {
                buffer.ensureWritable(size);
            } else {
                ByteBuf next = channel.alloc().ioBuffer(Math.max(MOST_PER_BUFFER, size));
                if (filled == null) {
                    filled = channel.alloc().compositeDirectBuffer(Integer.MAX_VALUE);
                }
                filled.addComponent(true, buffer);
                buffer = next;
            }
        }
        return buffer;
    }

    /**
     * What the channel is to write, or null when nothing is pending; what is appended next starts anew. Several
     * buffers go as one composite, which the channel writes with one gathering write.
     */
    ByteBuf take() {
        ByteBuf taken = buffer;
        buffer = null;
        if (filled != null) {
            if (taken != null) {
                filled.addComponent(true, taken);
            }
            taken = filled;
            filled = null;
        }
        if (taken != null) {
            adaptStartSize(taken.readableBytes());
        }
        return taken;
    }

    private void adaptStartSize(int used) {
        if (used > startSize) {
            startSize = Math.min(MOST_PER_BUFFER, startSize << 1);
        } else if (used < startSize >> 2) {
            startSize = Math.max(INITIAL_SIZE, startSize >> 1);
        }
    }

    /** Drops what is pending. */
    void release() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
        if (filled != null) {
            filled.release();
            filled = null;
        }
    }

    /**
     * Bytes pending here and written to the channel but not yet to the socket; from any thread. Netty reserves
     * {@code unsafe()} for its own use, but it is the only view of what the channel still holds, and this use is safe
     * from another thread: the outbound buffer is a volatile field (null once the channel closed), and its total a
     * volatile long.
     */
    long heldBytes() {
        long queued = (buffer == null ? 0 : buffer.readableBytes()) + (filled == null ? 0 : filled.readableBytes());
        ChannelOutboundBuffer inChannel = channel.unsafe().outboundBuffer();
        return inChannel == null ? queued : queued + inChannel.totalPendingWriteBytes();
    }
}
