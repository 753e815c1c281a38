package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

import java.util.random.RandomGenerator;

/** {@code {{Wildcard(n)}}} and legacy {@code $n}: the subject token the n-th source wildcard matched. */
@HotPath
final class WildcardFunction implements DestinationToken {

    private final int sourceToken;

    WildcardFunction(int sourceToken) {
        this.sourceToken = sourceToken;
    }

    @Override
    public void write(TransformBuffer buffer, RandomGenerator random) {
        buffer.writeToken(sourceToken);
    }
}
