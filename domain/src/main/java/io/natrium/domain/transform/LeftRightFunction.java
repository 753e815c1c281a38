package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

/**
 * {@code {{Left(w, n)}}} and {@code {{Right(w, n)}}}: the first or last n bytes of the wildcard's token. A length
 * outside the token (n &lt;= 0, or n at least its length) keeps it whole. Lengths count bytes, as in nats-server.
 */
@HotPath
final class LeftRightFunction extends TokenCutFunction {

    LeftRightFunction(int sourceToken, int length, boolean right) {
        super(sourceToken, length, right);
    }

    @Override
    void cut(TransformBuffer buffer, byte[] input, int start, int end) {
        if (fromRight) {
            buffer.write(input, end - count, end);
        } else {
            buffer.write(input, start, start + count);
        }
    }
}
