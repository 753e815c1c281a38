package io.natrium.adapter.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Unmasks a frame's payload piece by piece as it arrives (RFC 6455 5.3), remembering where in the 4-byte key the
 * next piece starts; eight bytes at a time. A piece that ends its read is unmasked where it lies in the read buffer,
 * which no one else has seen, and passed on without a copy.
 */
final class MaskedPayload {

    private int key;
    /** How many payload bytes were unmasked so far, modulo 4. */
    private int position;

    /** A new frame with this masking key (0 when the client does not mask). */
    void start(int maskKey) {
        key = maskKey;
        position = 0;
    }

    /**
     * The next {@code length} bytes of {@code in}, which holds more, unmasked, as a buffer of their own to release:
     * a copy, as Netty's decoder made one of each frame.
     */
    ByteBuf next(ByteBufAllocator allocator, ByteBuf in, int length) {
        ByteBuf piece = allocator.buffer(length).writeBytes(in, length);
        unmask(piece);
        return piece;
    }

    /**
     * All that {@code in} holds, unmasked: {@code in} itself, retained, when it can be written (the caller reads no
     * more of it), so the parser sees the transport's own buffer as a TCP read gives it (a slice or another class of
     * buffer would make its calls polymorphic); else a copy.
     */
    ByteBuf rest(ByteBufAllocator allocator, ByteBuf in) {
        if (key != 0 && in.isReadOnly()) {
            return next(allocator, in, in.readableBytes());
        }
        unmask(in.retain());
        return in;
    }

    /** Unmasks {@code payload}'s readable bytes where they are. */
    void unmask(ByteBuf payload) {
        if (key == 0) {
            return;
        }
        int k = Integer.rotateLeft(key, 8 * position);
        long kk = ((long) k << 32) | (k & 0xffffffffL);
        int i = payload.readerIndex();
        int end = payload.writerIndex();
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            payload.setLong(i, payload.getLong(i) ^ kk);
        }
        for (; i < end; i++) {
            payload.setByte(i, payload.getByte(i) ^ (k >>> 24));
            k = Integer.rotateLeft(k, 8);
        }
        position = (position + payload.readableBytes()) & 3;
    }
}
