package io.natrium.domain.transform;

import io.natrium.domain.HotPath;

import java.util.random.RandomGenerator;

/**
 * {@code {{Random(n)}}}: a random number in [0, |n|), drawn as nats-server does (a non-negative 31-bit number modulo
 * n, so a negative n acts as its absolute value); n = 0 gives 0.
 */
@HotPath
final class RandomFunction implements DestinationToken {

    private final int ceiling;

    RandomFunction(int ceiling) {
        this.ceiling = ceiling;
    }

    @Override
    public void write(TransformBuffer buffer, RandomGenerator random) {
        if (ceiling == 0) {
            buffer.write((byte) '0');
            return;
        }
        buffer.writeDecimal((random.nextInt() >>> 1) % ceiling);
    }
}
