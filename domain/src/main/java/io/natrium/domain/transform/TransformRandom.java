package io.natrium.domain.transform;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The default randomness of transforms and weighted mappings: each call goes to the calling thread's
 * {@link ThreadLocalRandom}, so one immutable mapping can be shared by every connection without contention. Tests
 * inject a seeded generator instead ({@code withRandom}).
 */
final class TransformRandom implements RandomGenerator {

    static final RandomGenerator THREAD_LOCAL = new TransformRandom();

    private TransformRandom() {
    }

    @Override
    public long nextLong() {
        return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public int nextInt() {
        return ThreadLocalRandom.current().nextInt();
    }

    @Override
    public int nextInt(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
