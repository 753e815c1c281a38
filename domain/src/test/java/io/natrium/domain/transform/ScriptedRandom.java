package io.natrium.domain.transform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** A random source that returns the draws a test lists, and fails when drawn from more often than that. */
final class ScriptedRandom implements RandomGenerator {

    private final Deque<Integer> draws = new ArrayDeque<>();

    ScriptedRandom(int... draws) {
        for (int draw : draws) {
            this.draws.add(draw);
        }
    }

    @Override
    public int nextInt(int bound) {
        int draw = next();
        if (draw < 0 || draw >= bound) {
            throw new IllegalStateException("scripted draw " + draw + " outside [0, " + bound + ")");
        }
        return draw;
    }

    @Override
    public int nextInt() {
        return next();
    }

    @Override
    public long nextLong() {
        return next();
    }

    boolean exhausted() {
        return draws.isEmpty();
    }

    private int next() {
        if (draws.isEmpty()) {
            throw new IllegalStateException("no scripted draw left");
        }
        return draws.removeFirst();
    }
}
