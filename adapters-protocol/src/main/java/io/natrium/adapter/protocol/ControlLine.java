package io.natrium.adapter.protocol;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.Utf8;
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
    /** After {@link #splitWholeLine}: the first argument's {@code String} hash, and where the LF is. */
    private int firstHash;
    private boolean firstHashed;
    private int lineFeed;
    /** How many bytes {@link #copyWindow} copied. */
    private int window;

    /** Copies {@code length} bytes of {@code in} from {@code index} as the new line, growing the scratch if needed. */
    void copy(ByteBuf in, int index, int length) {
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        in.getBytes(index, bytes, 0, length);
        this.length = length;
        firstHashed = false;
    }

    /**
     * Copies up to {@code length} bytes of {@code in} from {@code index} into the scratch as a candidate line, which
     * {@link #splitWholeLine} then reads; the copy may take more than the line, and not all of it.
     */
    void copyWindow(ByteBuf in, int index, int length) {
        copy(in, index, length);
        window = length;
    }

    /**
     * The whole of a common PUB line in one pass over the copied window, where the general path reads it three
     * times (the search for its end, the split, the subject's hash): finds the CRLF, splits what precedes it on spaces
     * and tabs, and hashes the first argument. Returns the number of arguments, the line being what precedes the CR;
     * or -1, the line left for the general path, when the window holds no CRLF, the line has a byte that is not
     * ASCII, a lone CR or LF, or more than {@link #MAX_ARGUMENTS} arguments.
     */
    int splitWholeLine() {
        int count = 0;
        int argumentStart = -1;
        int hash = 0;
        for (int i = 0; i < window; i++) {
            byte b = bytes[i];
            if (b == ' ' || b == '\t' || b == '\r') {
                if (argumentStart >= 0) {
                    if (count == MAX_ARGUMENTS) {
                        return -1;
                    }
                    starts[count] = argumentStart;
                    ends[count++] = i;
                    argumentStart = -1;
                }
                if (b == '\r') {
                    return lineEndsAt(i) ? finishLine(i, count, hash) : -1;
                }
            } else if (b < 0 || b == '\n') {
                return -1;
            } else {
                if (argumentStart < 0) {
                    argumentStart = i;
                }
                if (count == 0) {
                    hash = 31 * hash + b;
                }
            }
        }
        return -1;
    }

    private boolean lineEndsAt(int carriageReturn) {
        return carriageReturn + 1 < window && bytes[carriageReturn + 1] == '\n';
    }

    private int finishLine(int carriageReturn, int count, int hash) {
        length = carriageReturn;
        lineFeed = carriageReturn + 1;
        firstHash = hash;
        firstHashed = count > 0;
        return count;
    }

    /** Whether {@link #firstHash()} holds: the line was read by {@link #splitWholeLine} and has an argument. */
    boolean firstHashed() {
        return firstHashed;
    }

    /** After {@link #splitWholeLine}: the {@code String} hash of the first argument (all ASCII). */
    int firstHash() {
        return firstHash;
    }

    /**
     * After {@link #splitWholeLine}: whether the window also holds the whole body of {@code size} bytes that follows
     * the line, and the CRLF after it, so the body can be handed over without reading the buffer again.
     */
    boolean windowHoldsBodyAndCrlf(int size) {
        int carriageReturn = lineFeed + 1 + size;
        return carriageReturn + 1 < window && bytes[carriageReturn] == '\r' && bytes[carriageReturn + 1] == '\n';
    }

    /** After {@link #splitWholeLine}: how many bytes of the window the line takes, its CRLF included. */
    int wholeLineLength() {
        return lineFeed + 1;
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

    /**
     * An argument as text, with any bytes that are not UTF-8 kept ({@link Utf8#decodeKeepingBytes}), as nats-server
     * keeps them in subjects, queues and sids; allocates, so only for operations off the publish path.
     */
    String text(int argument) {
        return Utf8.decodeKeepingBytes(bytes, starts[argument], length(argument));
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
