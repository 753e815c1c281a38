package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

import java.util.random.RandomGenerator;

/**
 * {@code {{SliceFromLeft(w, s)}}} and {@code {{SliceFromRight(w, s)}}}: the wildcard's token cut into tokens of s
 * bytes counted from its start or its end, the shorter remainder last or first. A size outside the token (s &lt;= 0,
 * or s at least its length) leaves it whole. Sizes count bytes, as in nats-server.
 */
@HotPath
final class SliceFunction implements DestinationToken {

    private final int sourceToken;
    private final int size;
    private final boolean fromRight;

    SliceFunction(int sourceToken, int size, boolean fromRight) {
        this.sourceToken = sourceToken;
        this.size = size;
        this.fromRight = fromRight;
    }

    @Override
    public void write(TransformBuffer buffer, RandomGenerator random) {
        if (sourceToken >= buffer.tokenCount()) {
            return;
        }
        int start = buffer.tokenStart(sourceToken);
        int end = buffer.tokenEnd(sourceToken);
        if (size <= 0 || size >= end - start) {
            buffer.writeToken(sourceToken);
            return;
        }
        // From the right the remainder comes first, so the slices start after it; from the left they start at once.
        int firstCut = fromRight ? start + (end - start) % size : start;
        if (firstCut == start) {
            firstCut = start + size;
        }
        byte[] input = buffer.input();
        buffer.write(input, start, firstCut);
        for (int from = firstCut; from < end; from += size) {
            buffer.writeSeparator();
            buffer.write(input, from, Math.min(from + size, end));
        }
    }
}
