package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

import java.util.random.RandomGenerator;

/**
 * {@code {{Left(w, n)}}} and {@code {{Right(w, n)}}}: the first or last n bytes of the wildcard's token. A length
 * outside the token (n &lt;= 0, or n at least its length) keeps it whole. Lengths count bytes, as in nats-server.
 */
@HotPath
final class LeftRightFunction implements DestinationToken {

    private final int sourceToken;
    private final int length;
    private final boolean right;

    LeftRightFunction(int sourceToken, int length, boolean right) {
        this.sourceToken = sourceToken;
        this.length = length;
        this.right = right;
    }

    @Override
    public void write(TransformBuffer buffer, RandomGenerator random) {
        if (sourceToken >= buffer.tokenCount()) {
            return;
        }
        int start = buffer.tokenStart(sourceToken);
        int end = buffer.tokenEnd(sourceToken);
        if (length <= 0 || length >= end - start) {
            buffer.writeToken(sourceToken);
        } else if (right) {
            buffer.write(buffer.input(), end - length, end);
        } else {
            buffer.write(buffer.input(), start, start + length);
        }
    }
}
