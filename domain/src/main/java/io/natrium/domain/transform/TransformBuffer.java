package io.natrium.domain.transform;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.subject.Utf8;

import java.util.Arrays;

/**
 * The reusable working memory of a transform: where the tokens of the subject being transformed start and end, and
 * the bytes of the result, exposed as a {@link SubjectView}. One per connection (or thread): after the arrays have
 * grown to fit the subjects seen, transforming allocates nothing. Not thread-safe.
 *
 * <p>The result stays valid until the buffer is used again. It may itself be fed back in (a mapping followed by an
 * import transform): the buffer then writes the new result into its other array rather than over its input.
 */
@HotPath
public final class TransformBuffer {

    private static final int INITIAL_TOKENS = 16;
    private static final int INITIAL_BYTES = 128;
    private static final byte SEPARATOR = '.';

    private byte[] input = new byte[0];
    private int[] starts = new int[INITIAL_TOKENS];
    private int[] ends = new int[INITIAL_TOKENS];
    private int tokenCount;

    private byte[] output = new byte[INITIAL_BYTES];
    private byte[] spare = new byte[INITIAL_BYTES];
    private int size;
    private final SubjectView result = new SubjectView();

    /** The result of the last transform or mapping; empty when a weighted mapping chose to drop the message. */
    public SubjectView subject() {
        return result;
    }

    /** Splits the subject into tokens the way nats-server does: on every dot, keeping empty tokens. */
    void tokenize(byte[] bytes, int offset, int length) {
        if (bytes == output) {
            byte[] previous = output;
            output = spare;
            spare = previous;
        }
        input = bytes;
        tokenCount = 0;
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == SEPARATOR) {
                addToken(start, i);
                start = i + 1;
            }
        }
        addToken(start, end);
        size = 0;
    }

    /** A fresh buffer holding the tokens of {@code subject}, for the allocating {@code String} forms. */
    static TransformBuffer tokenized(String subject) {
        TransformBuffer buffer = new TransformBuffer();
        byte[] bytes = Utf8.encodeKeepingBytes(subject);
        buffer.tokenize(bytes, 0, bytes.length);
        return buffer;
    }

    void tokenize(SubjectView subject) {
        tokenize(subject.array(), subject.arrayOffset(), subject.length());
    }

    private void addToken(int start, int end) {
        if (tokenCount == starts.length) {
            starts = Arrays.copyOf(starts, tokenCount * 2);
            ends = Arrays.copyOf(ends, tokenCount * 2);
        }
        starts[tokenCount] = start;
        ends[tokenCount] = end;
        tokenCount++;
    }

    int tokenCount() {
        return tokenCount;
    }

    /** The bytes the tokens index into. */
    byte[] input() {
        return input;
    }

    int tokenStart(int index) {
        return starts[index];
    }

    int tokenEnd(int index) {
        return ends[index];
    }

    int tokenLength(int index) {
        return ends[index] - starts[index];
    }

    /** Discards what has been written since {@link #tokenize}, keeping the tokens. */
    void clearOutput() {
        size = 0;
    }

    void write(byte b) {
        ensure(1);
        output[size++] = b;
    }

    void writeSeparator() {
        write(SEPARATOR);
    }

    /** Appends {@code bytes[from, to)}. */
    void write(byte[] bytes, int from, int to) {
        int length = to - from;
        ensure(length);
        System.arraycopy(bytes, from, output, size, length);
        size += length;
    }

    /** Appends the input token at {@code index}; nothing when the subject has no such token. */
    void writeToken(int index) {
        if (index < tokenCount) {
            write(input, starts[index], ends[index]);
        }
    }

    /** Appends a non-negative number in decimal, without going through a {@code String}. */
    void writeDecimal(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        long rest = value;
        for (int i = size + digits - 1; i >= size; i--) {
            output[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size += digits;
    }

    /** Publishes what has been written as {@link #subject()}. */
    SubjectView finish() {
        return result.wrap(output, 0, size);
    }

    private void ensure(int extra) {
        if (size + extra > output.length) {
            output = Arrays.copyOf(output, Math.max(output.length * 2, size + extra));
        }
    }
}
