package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

/**
 * {@code {{SplitFromLeft(w, p)}}} and {@code {{SplitFromRight(w, p)}}}: the wildcard's token cut in two, p bytes
 * from its start or end. A position outside the token (p &lt;= 0, or p at least its length) leaves it whole.
 * Positions count bytes, as in nats-server, so a cut can fall inside a multi-byte character.
 */
@HotPath
final class SplitFromFunction extends TokenCutFunction {

    SplitFromFunction(int sourceToken, int position, boolean fromRight) {
        super(sourceToken, position, fromRight);
    }

    @Override
    void cut(TransformBuffer buffer, byte[] input, int start, int end) {
        int cut = fromRight ? end - count : start + count;
        buffer.write(input, start, cut);
        buffer.writeSeparator();
        buffer.write(input, cut, end);
    }
}
