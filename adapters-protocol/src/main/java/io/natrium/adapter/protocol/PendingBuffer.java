package io.natrium.adapter.protocol;

import io.natrium.domain.HotPath;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;

/**
 * What waits to be sent to one client: one pooled buffer from the channel's allocator, made on the first append after
 * each flush and grown as frames are appended, handed whole to the channel at a flush; and the measure of what the
 * client holds, that buffer plus what the channel has been given and not yet written to the socket.
 *
 * <p>A new buffer starts at the size the last flushes needed (between 512 bytes and 64 KiB, as nats-server sizes a
 * client's outbound buffer): a subscriber that receives a read's worth of messages per flush would otherwise grow its
 * buffer from 512 bytes by doubling, copying what it holds each time, at every flush. Only the size is remembered: an
 * idle client still holds no buffer.
 *
 * <p>Apart from {@link OutboundQueue} because it is the buffer's life (made, grown, handed over, released) and
 * the one read of the channel's own queue, kept in one place so that no path leaks the buffer or counts the queue
 * differently. Not thread-safe: guarded by the outbound's lock.
 */
@HotPath
final class PendingBuffer {

    private static final int INITIAL_SIZE = 512;
    private static final int LARGEST_START = 64 * 1024;

    private final Channel channel;
    private ByteBuf buffer;
    /** The size a new buffer starts at: doubled when a flush needed more, halved when one used under a quarter. */
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
        } else {
            buffer.ensureWritable(size);
        }
        return buffer;
    }

    /** The buffer for the channel to write, or null when nothing is pending; what is appended next starts a new one. */
    ByteBuf take() {
        ByteBuf taken = buffer;
        buffer = null;
        if (taken != null) {
            adaptStartSize(taken.readableBytes());
        }
        return taken;
    }

    private void adaptStartSize(int used) {
        if (used > startSize) {
            startSize = Math.min(LARGEST_START, startSize << 1);
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
    }

    /**
     * Bytes pending here and written to the channel but not yet to the socket; from any thread. Netty reserves
     * {@code unsafe()} for its own use, but it is the only view of what the channel still holds, and this use is safe
     * from another thread: the outbound buffer is a volatile field (null once the channel closed), and its total a
     * volatile long.
     */
    long heldBytes() {
        long queued = buffer == null ? 0 : buffer.readableBytes();
        ChannelOutboundBuffer inChannel = channel.unsafe().outboundBuffer();
        return inChannel == null ? queued : queued + inChannel.totalPendingWriteBytes();
    }
}
