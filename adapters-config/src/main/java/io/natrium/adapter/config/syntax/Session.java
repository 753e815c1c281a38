package io.natrium.adapter.config.syntax;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * What every text read for one configuration shares: the environment, the include chain, the expansion budget, the
 * environment variables being resolved (to catch {@code A=$B}, {@code B=$A}), and the nesting depth. The depth
 * counts maps, arrays, includes and environment values alike, so that recursion stays bounded whatever the mix.
 */
final class Session {

    static final int MAX_DEPTH = 128;

    private final Function<String, String> environment;
    private final Includes includes = new Includes();
    private final ExpansionBudget budget = new ExpansionBudget();
    private final Set<String> resolving = new HashSet<>();
    private int depth;

    Session(Function<String, String> environment) {
        this.environment = environment;
    }

    /** The environment variable's value, or null when it is not set. */
    String environment(String name) {
        return environment.apply(name);
    }

    Includes includes() {
        return includes;
    }

    ExpansionBudget budget() {
        return budget;
    }

    int depth() {
        return depth;
    }

    /** Goes one level deeper; false (and no change) when that would pass {@value #MAX_DEPTH}. */
    boolean enter() {
        if (depth >= MAX_DEPTH) {
            return false;
        }
        depth++;
        return true;
    }

    void leave() {
        depth--;
    }

    /** Starts resolving an environment variable; false when it is already being resolved: a cycle. */
    boolean startResolving(String name) {
        return resolving.add(name);
    }

    void stopResolving(String name) {
        resolving.remove(name);
    }
}
