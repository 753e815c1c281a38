package io.natrium.domain.subject;

import io.natrium.domain.HotPath;

/**
 * Strict UTF-8 decoding of one code point, accepting exactly what {@code java.lang.String} and Go's
 * {@code utf8.Valid} accept: no overlong forms, no encoded surrogates, nothing above U+10FFFF. Public for the
 * byte-level subject functions elsewhere in the domain and for {@code %q} of bytes in {@code domain.text}.
 */
@HotPath
public final class Utf8 {

    public static final int INVALID = -1;

    private Utf8() {
    }

    /** The length of the sequence a lead byte announces, or 1 for a byte that cannot lead one. */
    public static int sequenceLength(int leadByte) {
        int b = leadByte & 0xFF;
        if (b < 0xC2) {
            return 1;
        }
        if (b < 0xE0) {
            return 2;
        }
        return b < 0xF0 ? 3 : 4;
    }

    /**
     * The width Go's {@code utf8.DecodeRune} gives the character at {@code index} (before {@code end}): the length of
     * a valid sequence, or 1 for a byte that does not start one, the way Go walks invalid UTF-8 byte by byte.
     */
    public static int runeLength(byte[] bytes, int index, int end) {
        return decode(bytes, index, end) == INVALID ? 1 : sequenceLength(bytes[index]);
    }

    /** Decodes the code point starting at {@code index}, or returns {@link #INVALID}. */
    public static int decode(byte[] bytes, int index, int end) {
        int lead = bytes[index] & 0xFF;
        if (lead < 0x80) {
            return lead;
        }
        if (lead < 0xC2 || lead > 0xF4) {
            return INVALID;
        }
        int length = sequenceLength(lead);
        if (index + length > end) {
            return INVALID;
        }
        int second = bytes[index + 1] & 0xFF;
        if (second < lowerBoundOfSecond(lead) || second > upperBoundOfSecond(lead)) {
            return INVALID;
        }
        if (length == 2) {
            return (lead & 0x1F) << 6 | second & 0x3F;
        }
        int third = bytes[index + 2] & 0xFF;
        if (!isContinuation(third)) {
            return INVALID;
        }
        if (length == 3) {
            return (lead & 0x0F) << 12 | (second & 0x3F) << 6 | third & 0x3F;
        }
        int fourth = bytes[index + 3] & 0xFF;
        if (!isContinuation(fourth)) {
            return INVALID;
        }
        return (lead & 0x07) << 18 | (second & 0x3F) << 12 | (third & 0x3F) << 6 | fourth & 0x3F;
    }

    static boolean isValid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (decode(bytes, i, end) == INVALID) {
                return false;
            }
            i += sequenceLength(bytes[i]);
        }
        return true;
    }

    private static boolean isContinuation(int b) {
        return (b & 0xC0) == 0x80;
    }

    private static int lowerBoundOfSecond(int lead) {
        if (lead == 0xE0) {
            return 0xA0;
        }
        return lead == 0xF0 ? 0x90 : 0x80;
    }

    private static int upperBoundOfSecond(int lead) {
        if (lead == 0xED) {
            return 0x9F;
        }
        return lead == 0xF4 ? 0x8F : 0xBF;
    }
}
