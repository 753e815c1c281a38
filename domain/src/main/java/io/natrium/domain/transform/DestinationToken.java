package io.natrium.domain.transform;

import java.util.random.RandomGenerator;

/**
 * One token of a compiled destination pattern: it appends its part of the new subject, reading the tokens of the
 * subject being transformed from the buffer. A function whose source token is missing (a subject that does not
 * match the source, transformed anyway) appends nothing, where nats-server would index out of range.
 */
sealed interface DestinationToken permits LiteralToken, WildcardFunction, PartitionFunction, RandomFunction,
        TokenCutFunction, SplitFunction {

    void write(TransformBuffer buffer, RandomGenerator random);
}
