package io.natrium.domain.subject;

import io.natrium.domain.HotPath;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, mutable view of a subject held as UTF-8 bytes in somebody else's buffer: the hot path points it at the
 * bytes it just parsed and asks questions without creating a {@link String}.
 *
 * <p>Its {@link #hashCode()} is the hash the decoded {@code String} would have, and {@link #equals(Object)} accepts a
 * {@code String} with the same text, so the view can probe a hash map keyed by strings without allocating. That
 * equality is one-sided on purpose: a {@code String} never equals a view. Bytes that are not valid UTF-8 never equal
 * any string, so such a probe always misses and the caller falls back to {@link #toString()}, which keeps those
 * bytes ({@link Utf8#decodeKeepingBytes}): subjects that differ only in them stay different, as in nats-server.
 *
 * <p>The hash and the UTF-8 check are computed when first asked for, not by {@link #wrap}: the decoder points a view
 * at every message's reply subject, which is seldom looked up anywhere. They are kept until the view is pointed
 * elsewhere.
 *
 * <p>The view is valid only until it is pointed elsewhere; it must never be kept as a map key. Not thread-safe.
 */
@HotPath
public final class SubjectView {

    private static final byte[] NO_BYTES = new byte[0];
    private static final int INVALID_UTF8 = -1;

    private final RawChars raw = new RawChars();
    private byte[] bytes = NO_BYTES;
    private int offset;
    private int length;
    private int hash;
    private boolean validUtf8 = true;
    /** Whether {@link #hash} and {@link #validUtf8} describe the bytes now viewed. */
    private boolean analysed = true;

    /** Points the view at {@code length} bytes of {@code bytes} starting at {@code offset}; returns this view. */
    public SubjectView wrap(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", size " + bytes.length);
        }
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.analysed = false;
        return this;
    }

    /**
     * As {@link #wrap(byte[], int, int)}, for bytes the caller has just read one by one and found all ASCII, hashing
     * them as it went ({@code h = 31 * h + b}, which for ASCII is the {@code String} hash): the view then need not
     * read them a second time for its hash. A hash that is not the bytes' own breaks every map lookup with the view.
     */
    public SubjectView wrapAscii(byte[] bytes, int offset, int length, int hash) {
        wrap(bytes, offset, length);
        this.hash = hash;
        this.validUtf8 = true;
        this.analysed = true;
        return this;
    }

    /** Points the view at the whole array. */
    public SubjectView wrap(byte[] bytes) {
        return wrap(bytes, 0, bytes.length);
    }

    /** The length in bytes. */
    public int length() {
        return length;
    }

    public byte byteAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return bytes[offset + index];
    }

    /** The array the view reads from; with {@link #arrayOffset()} and {@link #length()}, for bulk copies. */
    public byte[] array() {
        return bytes;
    }

    /** Where the subject starts in {@link #array()}. */
    public int arrayOffset() {
        return offset;
    }

    /** Copies the bytes of the subject into {@code target} at {@code targetOffset}. */
    public void copyTo(byte[] target, int targetOffset) {
        System.arraycopy(bytes, offset, target, targetOffset, length);
    }

    public boolean isValidUtf8() {
        analyse();
        return validUtf8;
    }

    /** nats-server's {@code IsValidSubject} on the raw bytes. */
    public boolean isValidFilter() {
        return SubjectRules.isValidFilter(raw);
    }

    /** nats-server's {@code IsValidLiteralSubject} on the raw bytes (whitespace not checked). */
    public boolean isValidLiteral() {
        return SubjectRules.isValidLiteral(raw);
    }

    /** A subject a client may publish to: see {@link Subject#isValidPublish}. */
    public boolean isValidPublish() {
        return SubjectRules.isValidFilter(raw) && SubjectRules.isLiteral(raw);
    }

    /** The rune check: valid UTF-8, no NUL and no encoded replacement character. */
    public boolean hasValidRunes() {
        if (!isValidUtf8()) {
            return false;
        }
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == 0 || isReplacementCharacterAt(i, end)) {
                return false;
            }
        }
        return true;
    }

    public int tokenCount() {
        return SubjectRules.tokenCount(raw);
    }

    /** True when the view holds exactly the text of {@code text}; never true for invalid UTF-8. */
    public boolean contentEquals(String text) {
        if (!isValidUtf8()) {
            return false;
        }
        int textLength = text.length();
        if (textLength > length) {
            return false;
        }
        int end = offset + length;
        int charIndex = 0;
        int i = offset;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                if (charIndex >= textLength || text.charAt(charIndex) != b) {
                    return false;
                }
                charIndex++;
                i++;
                continue;
            }
            int codePoint = Utf8.decode(bytes, i, end);
            if (Character.isBmpCodePoint(codePoint)) {
                if (charIndex >= textLength || text.charAt(charIndex) != codePoint) {
                    return false;
                }
                charIndex++;
            } else {
                if (charIndex + 1 >= textLength
                        || text.charAt(charIndex) != Character.highSurrogate(codePoint)
                        || text.charAt(charIndex + 1) != Character.lowSurrogate(codePoint)) {
                    return false;
                }
                charIndex += 2;
            }
            i += Utf8.sequenceLength(b);
        }
        return charIndex == textLength;
    }

    /** True when both views hold the same bytes. */
    public boolean contentEquals(SubjectView other) {
        return length == other.length
                && Arrays.equals(bytes, offset, offset + length, other.bytes, other.offset,
                other.offset + other.length);
    }

    /** {@code String.hashCode()} of the decoded subject, when the bytes are valid UTF-8. */
    @Override
    public int hashCode() {
        analyse();
        return hash;
    }

    /**
     * True for a {@link SubjectKey} or a view with the same bytes, or a {@code String} with the same text; see the
     * class comment.
     */
    @Override
    public boolean equals(Object other) {
        if (other instanceof SubjectKey key) {
            return key.hashCode() == hashCode() && key.contentEquals(bytes, offset, length);
        }
        if (other instanceof String text) {
            return contentEquals(text);
        }
        return other instanceof SubjectView view && contentEquals(view);
    }

    /** Decodes the subject, keeping bytes that are not UTF-8; allocates, so only for the slow path. */
    @Override
    public String toString() {
        return Utf8.decodeKeepingBytes(bytes, offset, length);
    }

    private void analyse() {
        if (analysed) {
            return;
        }
        int computed = stringHash();
        validUtf8 = computed != INVALID_UTF8 || Utf8.isValid(bytes, offset, length);
        hash = computed;
        analysed = true;
    }

    /** The hash {@code String} would compute over the decoded text, or {@link #INVALID_UTF8} for invalid bytes. */
    private int stringHash() {
        int h = 0;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                h = 31 * h + b;
                i++;
                continue;
            }
            int codePoint = Utf8.decode(bytes, i, end);
            if (codePoint < 0) {
                return INVALID_UTF8;
            }
            if (Character.isBmpCodePoint(codePoint)) {
                h = 31 * h + codePoint;
            } else {
                h = 31 * (31 * h + Character.highSurrogate(codePoint)) + Character.lowSurrogate(codePoint);
            }
            i += Utf8.sequenceLength(b);
        }
        return h;
    }

    private boolean isReplacementCharacterAt(int index, int end) {
        return index + 2 < end && bytes[index] == (byte) 0xEF && bytes[index + 1] == (byte) 0xBF
                && bytes[index + 2] == (byte) 0xBD;
    }

    /** The raw bytes as Latin-1 characters, for the ASCII-only rules in {@link SubjectRules}. */
    private final class RawChars implements CharSequence {

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[offset + index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, offset + start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }
}
