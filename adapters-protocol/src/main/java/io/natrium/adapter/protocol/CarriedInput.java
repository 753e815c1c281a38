package io.natrium.adapter.protocol;

import io.natrium.domain.HotPath;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Feeds a connection's reads to its {@link ClientProtocolDecoder} without joining them, as nats-server's parser
 * keeps only the operation a read ended inside: the read buffer is decoded where it lies, and only the bytes of an
 * unfinished operation are carried, in a buffer of their own, to the next read, which adds just what that operation
 * still lacks (the rest of its line, or of its body) before the decoder goes on in the new read buffer itself.
 *
 * <p>Joining reads instead (Netty's cumulation) copies every byte of a read that follows one ending mid-operation
 * into a new buffer of both reads' size, too large to be pooled; with messages of a few hundred bytes almost every
 * read ends mid-operation, so a publisher's every byte was copied once more, in a freshly allocated and zeroed buffer,
 * and the decoder saw buffers of alternating classes, which made the JIT compile it again and again.
 *
 * <p>Not thread-safe: one per connection, on its event loop.
 */
@HotPath
final class CarriedInput {

    private final ClientProtocolDecoder decoder;
    private final ByteBufAllocator allocator;
    /** The unfinished operation's bytes; null when the last read ended between operations. */
    private ByteBuf carried;
    /** How many bytes the latest read brought, counted back from the end of {@link #carried}. */
    private int latestRead;

    CarriedInput(ClientProtocolDecoder decoder, ByteBufAllocator allocator) {
        this.decoder = decoder;
        this.allocator = allocator;
    }

    /** Decodes one read; {@code in} stays the caller's to release, and nothing of it is held afterwards unless copied. */
    void read(ByteBuf in) {
        int readStart = in.readerIndex();
        if (carried != null) {
            finishCarried(in);
            if (carried != null) {
                return;
            }
        }
        if (in.isReadable()) {
            decoder.decode(in, in.writerIndex() - readStart);
            if (in.isReadable()) {
                carry(in, in.writerIndex() - readStart);
            }
        }
    }

    /** Decodes again what was carried, without a new read: the input held while a CONNECT was decided. */
    void replay() {
        if (carried == null) {
            return;
        }
        decoder.decode(carried, latestRead);
        releaseIfFinished();
    }

    /** Gives back the carried bytes' buffer: the connection is gone. */
    void release() {
        if (carried != null) {
            carried.release();
            carried = null;
        }
    }

    /** Whether bytes of an unfinished operation wait for the next read. */
    boolean holdsInput() {
        return carried != null;
    }

    /**
     * Adds to the carried operation what it lacks from {@code in}, and decodes it, until it is finished or
     * {@code in} is used up. Each round moves at least one byte, so this ends.
     */
    private void finishCarried(ByteBuf in) {
        int added = 0;
        while (in.isReadable()) {
            int wanted = decoder.bytesToFinish(carried, in);
            carried.writeBytes(in, wanted);
            added += wanted;
            latestRead = added;
            decoder.decode(carried, added, in);
            if (!carried.isReadable()) {
                break;
            }
        }
        releaseIfFinished();
    }

    private void releaseIfFinished() {
        if (!carried.isReadable()) {
            release();
        }
    }

    /**
     * Copies the rest of {@code in} into a buffer of this connection's own: a read buffer may be a slice or duplicate
     * of memory another handler still uses (a WebSocket frame's), so it is never written to.
     */
    private void carry(ByteBuf in, int readSize) {
        latestRead = readSize;
        int rest = in.readableBytes();
        carried = allocator.buffer(Math.max(rest, decoder.heldOperationSize()));
        carried.writeBytes(in);
    }
}
