package io.natrium.domain.transform;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.Utf8;

import java.util.random.RandomGenerator;

/**
 * {@code {{Split(w, d)}}}: the wildcard's token cut at every occurrence of the delimiter d, the pieces becoming tokens.
 * The joining rule is nats-server's, byte for byte: empty pieces are dropped and a dot goes before each non-empty
 * piece except the first piece. That rule leaves its own oddities, kept for compatibility: with two delimiters at
 * the very start ({@code --a}) the result starts with a dot, and a token made only of delimiters gives an empty
 * token. An empty delimiter cuts between characters (Go splits into UTF-8 sequences; a byte that is not valid UTF-8
 * stands alone).
 */
@HotPath
final class SplitFunction implements DestinationToken {

    private final int sourceToken;
    private final byte[] delimiter;

    SplitFunction(int sourceToken, byte[] delimiter) {
        this.sourceToken = sourceToken;
        this.delimiter = delimiter;
    }

    @Override
    public void write(TransformBuffer buffer, RandomGenerator random) {
        if (sourceToken >= buffer.tokenCount()) {
            return;
        }
        int start = buffer.tokenStart(sourceToken);
        int end = buffer.tokenEnd(sourceToken);
        if (delimiter.length == 0) {
            writeCharacters(buffer, start, end);
        } else {
            writePieces(buffer, start, end);
        }
    }

    private static void writeCharacters(TransformBuffer buffer, int start, int end) {
        byte[] input = buffer.input();
        for (int i = start; i < end; ) {
            int next = i + Utf8.runeLength(input, i, end);
            if (i > start) {
                buffer.writeSeparator();
            }
            buffer.write(input, i, next);
            i = next;
        }
    }

    private void writePieces(TransformBuffer buffer, int start, int end) {
        byte[] input = buffer.input();
        int pieceStart = start;
        int pieceEnd = indexOfDelimiter(input, pieceStart, end);
        boolean first = true;
        while (true) {
            buffer.write(input, pieceStart, pieceEnd);
            if (pieceEnd == end) {
                return;
            }
            int nextStart = pieceEnd + delimiter.length;
            int nextEnd = indexOfDelimiter(input, nextStart, end);
            // nats-server: a dot when the next piece is not empty, unless this is the first piece and it is empty.
            if (nextEnd > nextStart && !(first && pieceEnd == pieceStart)) {
                buffer.writeSeparator();
            }
            pieceStart = nextStart;
            pieceEnd = nextEnd;
            first = false;
        }
    }

    /** The start of the next delimiter at or after {@code from}, or {@code end} when there is none. */
    private int indexOfDelimiter(byte[] input, int from, int end) {
        int last = end - delimiter.length;
        for (int i = from; i <= last; i++) {
            if (input[i] == delimiter[0] && regionMatches(input, i)) {
                return i;
            }
        }
        return end;
    }

    private boolean regionMatches(byte[] input, int at) {
        for (int j = 1; j < delimiter.length; j++) {
            if (input[at + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }
}
