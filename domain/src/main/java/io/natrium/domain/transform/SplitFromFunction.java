package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

import java.util.random.RandomGenerator;

/**
 * {@code {{SplitFromLeft(w, p)}}} and {@code {{SplitFromRight(w, p)}}}: the wildcard's token cut in two, p bytes
 * from its start or end. A position outside the token (p &lt;= 0, or p at least its length) leaves it whole.
 * Positions count bytes, as in nats-server, so a cut can fall inside a multi-byte character.
 */
@HotPath
final class SplitFromFunction implements DestinationToken {

    private final int sourceToken;
    private final int position;
    private final boolean fromRight;

    SplitFromFunction(int sourceToken, int position, boolean fromRight) {
        this.sourceToken = sourceToken;
        this.position = position;
        this.fromRight = fromRight;
    }

    @Override
    public void write(TransformBuffer buffer, RandomGenerator random) {
        if (sourceToken >= buffer.tokenCount()) {
            return;
        }
        int start = buffer.tokenStart(sourceToken);
        int end = buffer.tokenEnd(sourceToken);
        int length = end - start;
        if (position <= 0 || position >= length) {
            buffer.writeToken(sourceToken);
            return;
        }
        int cut = fromRight ? end - position : start + position;
        buffer.write(buffer.input(), start, cut);
        buffer.writeSeparator();
        buffer.write(buffer.input(), cut, end);
    }
}
