package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

import java.util.random.RandomGenerator;

/**
 * The functions that cut one wildcard's token at byte counts ({@code SplitFromLeft/Right}, {@code SliceFromLeft/Right},
 * {@code Left}, {@code Right}). They share nats-server's rule for the count: one outside the token (at most zero, or
 * at least its length) keeps the token whole, and a missing token writes nothing.
 */
@HotPath
abstract sealed class TokenCutFunction implements DestinationToken
        permits SplitFromFunction, SliceFunction, LeftRightFunction {

    private final int sourceToken;
    /** The byte count of the cut: a position, a slice size or a length, as the function reads it. */
    final int count;
    /** Whether the count is taken from the token's end. */
    final boolean fromRight;

    TokenCutFunction(int sourceToken, int count, boolean fromRight) {
        this.sourceToken = sourceToken;
        this.count = count;
        this.fromRight = fromRight;
    }

    @Override
    public final void write(TransformBuffer buffer, RandomGenerator random) {
        if (sourceToken >= buffer.tokenCount()) {
            return;
        }
        int start = buffer.tokenStart(sourceToken);
        int end = buffer.tokenEnd(sourceToken);
        if (count <= 0 || count >= end - start) {
            buffer.writeToken(sourceToken);
        } else {
            cut(buffer, buffer.input(), start, end);
        }
    }

    /** Writes the token {@code input[start, end)} cut, knowing that the count falls strictly inside it. */
    abstract void cut(TransformBuffer buffer, byte[] input, int start, int end);
}
