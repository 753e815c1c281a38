package io.natrium.adapter.websocket;

import io.netty.buffer.ByteBuf;

/**
 * The header of the frame being read, gathered across reads: two bytes that say what follows, then the extended
 * length (two or eight bytes) and the masking key (four, when the client masks). At most 14 bytes.
 */
final class FrameHeader {

    private static final int MAX_SIZE = 14;
    private static final int SIXTEEN_BIT_LENGTH = 126;
    private static final int SIXTY_FOUR_BIT_LENGTH = 127;

    private final byte[] bytes = new byte[MAX_SIZE];
    private final boolean masked;
    private int size;

    /** @param masked frames carry a masking key (checked against their mask bit before the key is read) */
    FrameHeader(boolean masked) {
        this.masked = masked;
    }

    boolean hasStart() {
        return size >= 2;
    }

    /** Takes the first two bytes from {@code in}; whether both are there. */
    boolean fillStart(ByteBuf in) {
        return fill(in, 2);
    }

    /** Takes the rest of the header from {@code in}; whether all of it is there. */
    boolean fillRest(ByteBuf in) {
        return fill(in, 2 + extendedLengthSize() + (masked ? 4 : 0));
    }

    private boolean fill(ByteBuf in, int wanted) {
        int n = Math.min(wanted - size, in.readableBytes());
        if (n > 0) {
            in.readBytes(bytes, size, n);
            size += n;
        }
        return size == wanted;
    }

    int first() {
        return bytes[0] & 0xff;
    }

    int second() {
        return bytes[1] & 0xff;
    }

    /** The payload's length; negative for a 64-bit length with its top bit set. */
    long length() {
        int short7 = bytes[1] & 0x7f;
        if (short7 == SIXTEEN_BIT_LENGTH) {
            return ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        }
        if (short7 == SIXTY_FOUR_BIT_LENGTH) {
            long length = 0;
            for (int i = 2; i < 10; i++) {
                length = (length << 8) | (bytes[i] & 0xff);
            }
            return length;
        }
        return short7;
    }

    /** The masking key, its first byte the most significant; 0 (no change) when frames are not masked. */
    int maskKey() {
        if (!masked) {
            return 0;
        }
        int at = 2 + extendedLengthSize();
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }

    /** Ready for the next frame's header. */
    void clear() {
        size = 0;
    }

    private int extendedLengthSize() {
        int short7 = bytes[1] & 0x7f;
        return short7 == SIXTEEN_BIT_LENGTH ? 2 : short7 == SIXTY_FOUR_BIT_LENGTH ? 8 : 0;
    }
}
