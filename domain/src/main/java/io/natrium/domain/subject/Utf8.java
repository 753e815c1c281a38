package io.natrium.domain.subject;

import io.natrium.domain.HotPath;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict UTF-8 decoding of one code point, accepting exactly what {@code java.lang.String} and Go's
 * {@code utf8.Valid} accept: no overlong forms, no encoded surrogates, nothing above U+10FFFF. Public for the
 * byte-level subject functions elsewhere in the domain and for {@code %q} of bytes in {@code domain.text}.
 *
 * <p>Also the lossless conversion of a client's bytes to text and back. nats-server handles subjects as bytes, so
 * two subjects that differ only in bytes that are not UTF-8 are two subjects. Its error texts also quote those bytes
 * ({@code "foo.\xff"}). Decoding with replacement would lose both. {@link #decodeKeepingBytes} instead keeps each
 * such byte as one character of its own: a lone low surrogate in U+DC80..U+DCFF, which valid UTF-8 cannot produce
 * (Python calls this "surrogateescape"). {@link #encodeKeepingBytes} gives the bytes back.
 */
@HotPath
public final class Utf8 {

    public static final int INVALID = -1;
    private static final char FIRST_KEPT_BYTE = '\uDC80';
    private static final char LAST_KEPT_BYTE = '\uDCFF';

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

    /**
     * The text of the bytes, each byte that is not part of a valid sequence (Go's {@code utf8.DecodeRune} walks
     * those one by one) kept as the character {@code U+DC00 + byte}.
     */
    public static String decodeKeepingBytes(byte[] bytes, int offset, int length) {
        if (isValid(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int codePoint = decode(bytes, i, end);
            if (codePoint == INVALID) {
                text.append((char) (0xDC00 | bytes[i] & 0xFF));
                i++;
            } else {
                text.appendCodePoint(codePoint);
                i += sequenceLength(bytes[i]);
            }
        }
        return text.toString();
    }

    /** The bytes of text from {@link #decodeKeepingBytes}: UTF-8, with each kept byte written back as itself. */
    public static byte[] encodeKeepingBytes(String text) {
        if (keptByteAt(text) < 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        // No character takes more than three bytes in UTF-8 (a surrogate pair takes four for two characters).
        byte[] bytes = new byte[text.length() * 3];
        int length = 0;
        int start = 0;
        for (int i = keptByteAt(text); i >= 0; i = keptByteAt(text, i + 1)) {
            length = append(bytes, length, text.substring(start, i));
            bytes[length++] = (byte) text.charAt(i);
            start = i + 1;
        }
        length = append(bytes, length, text.substring(start));
        return Arrays.copyOf(bytes, length);
    }

    private static int append(byte[] bytes, int length, String part) {
        byte[] encoded = part.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        return length + encoded.length;
    }

    /**
     * The text as a decoder that replaces bad bytes would have given it: each kept byte becomes U+FFFD, which is
     * what Go's JSON encoder writes for a byte that is not UTF-8.
     */
    public static String replaceKeptBytes(String text) {
        int first = keptByteAt(text);
        if (first < 0) {
            return text;
        }
        StringBuilder replaced = new StringBuilder(text);
        for (int i = first; i >= 0; i = keptByteAt(text, i + 1)) {
            replaced.setCharAt(i, '\uFFFD');
        }
        return replaced.toString();
    }

    /** Whether the character at {@code index} is a byte kept by {@link #decodeKeepingBytes}. */
    public static boolean isKeptByte(CharSequence text, int index) {
        char c = text.charAt(index);
        return c >= FIRST_KEPT_BYTE && c <= LAST_KEPT_BYTE
                && (index == 0 || !Character.isHighSurrogate(text.charAt(index - 1)));
    }

    private static int keptByteAt(String text) {
        return keptByteAt(text, 0);
    }

    private static int keptByteAt(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isKeptByte(text, i)) {
                return i;
            }
        }
        return -1;
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
