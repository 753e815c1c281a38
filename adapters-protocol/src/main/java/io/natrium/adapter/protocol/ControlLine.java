package io.natrium.adapter.protocol;

import io.natrium.domain.HotPath;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The arguments of the current control line (what follows the operation name), copied out of the read buffer once
 * into a scratch array that is reused for every line, and split where they lie: an argument is a range of that
 * array, so nothing is allocated per line unless a {@code String} is asked for. The array is also what the
 * decoder's {@link WireInboundMessage} points into, so it stays valid until the next line is copied.
 */
@HotPath
final class ControlLine {

    /** More than any operation takes; a line with more arguments is malformed whatever its operation. */
    static final int MAX_ARGUMENTS = 5;
    /** {@link #split} returns this for a line with more than {@link #MAX_ARGUMENTS} arguments. */
    static final int TOO_MANY = MAX_ARGUMENTS + 1;
    private static final int MAX_SIZE_DIGITS = 9;

    private byte[] bytes = new byte[256];
    private int length;
    private final int[] starts = new int[MAX_ARGUMENTS];
    private final int[] ends = new int[MAX_ARGUMENTS];

    /** Copies {@code length} bytes of {@code in} from {@code index} as the new line, growing the scratch if needed. */
    void copy(ByteBuf in, int index, int length) {
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        in.getBytes(index, bytes, 0, length);
        this.length = length;
    }

    /** The scratch array; the line is its first {@link #length()} bytes. */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /**
     * Splits the line on spaces and tabs (and on CR and LF too for SUB and UNSUB, as nats-server does); returns how
     * many arguments there are, or {@link #TOO_MANY}.
     */
    int split(boolean lineBreaksSeparate) {
        int count = 0;
        int argumentStart = -1;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            boolean separator = b == ' ' || b == '\t' || lineBreaksSeparate && (b == '\r' || b == '\n');
            if (separator) {
                if (argumentStart >= 0) {
                    if (count == MAX_ARGUMENTS) {
                        return TOO_MANY;
                    }
                    starts[count] = argumentStart;
                    ends[count++] = i;
                    argumentStart = -1;
                }
            } else if (argumentStart < 0) {
                argumentStart = i;
            }
        }
        if (argumentStart >= 0) {
            if (count == MAX_ARGUMENTS) {
                return TOO_MANY;
            }
            starts[count] = argumentStart;
            ends[count++] = length;
        }
        return count;
    }

    /** Where argument {@code argument} of the last {@link #split} starts in {@link #bytes()}. */
    int start(int argument) {
        return starts[argument];
    }

    int length(int argument) {
        return ends[argument] - starts[argument];
    }

    /** nats-server's {@code parseSize} of an argument: up to nine ASCII digits, otherwise -1. */
    int parseSize(int argument) {
        int start = starts[argument];
        int end = ends[argument];
        if (end == start || end - start > MAX_SIZE_DIGITS) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** An argument decoded as UTF-8; allocates, so only for operations off the publish path. */
    String text(int argument) {
        return new String(bytes, starts[argument], length(argument), StandardCharsets.UTF_8);
    }

    /** The whole line decoded as UTF-8. */
    String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** A copy of the whole line, for the JSON readers. */
    byte[] copyOfLine() {
        return Arrays.copyOf(bytes, length);
    }
}
