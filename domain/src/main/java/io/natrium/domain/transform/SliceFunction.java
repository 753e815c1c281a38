package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

/**
 * {@code {{SliceFromLeft(w, s)}}} and {@code {{SliceFromRight(w, s)}}}: the wildcard's token cut into tokens of s
 * bytes counted from its start or its end, the shorter remainder last or first. A size outside the token (s &lt;= 0,
 * or s at least its length) leaves it whole. Sizes count bytes, as in nats-server.
 */
@HotPath
final class SliceFunction extends TokenCutFunction {

    SliceFunction(int sourceToken, int size, boolean fromRight) {
        super(sourceToken, size, fromRight);
    }

    @Override
    void cut(TransformBuffer buffer, byte[] input, int start, int end) {
        // From the right the remainder comes first, so the slices start after it; from the left they start at once.
        int firstCut = fromRight ? start + (end - start) % count : start;
        if (firstCut == start) {
            firstCut = start + count;
        }
        buffer.write(input, start, firstCut);
        for (int from = firstCut; from < end; from += count) {
            buffer.writeSeparator();
            buffer.write(input, from, Math.min(from + count, end));
        }
    }
}
