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
 * <p>Apart from {@link OutboundQueue} because it is the buffer's life (made, grown, handed over, released) and
 * the one read of the channel's own queue, kept in one place so that no path leaks the buffer or counts the queue
 * differently. Not thread-safe: guarded by the outbound's lock.
 */
@HotPath
final class PendingBuffer {

    private static final int INITIAL_SIZE = 512;

    private final Channel channel;
    private ByteBuf buffer;

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
            buffer = channel.alloc().ioBuffer(Math.max(INITIAL_SIZE, size));
        } else {
            buffer.ensureWritable(size);
        }
        return buffer;
    }

    /** The buffer for the channel to write, or null when nothing is pending; what is appended next starts a new one. */
    ByteBuf take() {
        ByteBuf taken = buffer;
        buffer = null;
        return taken;
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
