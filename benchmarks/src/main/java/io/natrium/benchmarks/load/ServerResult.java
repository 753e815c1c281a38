package io.natrium.benchmarks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The measured rounds of one scenario against one server, or the reason it failed. */
final class ServerResult {

    private final List<List<Metric>> rounds = new ArrayList<>();
    private String failure;

    void add(List<Metric> round) {
        rounds.add(round);
    }

    /** Keeps the first failure: a scenario that failed once is FAILED, whatever the other rounds did. */
    void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    boolean failed() {
        return failure != null;
    }

    String failure() {
        return failure;
    }

    int rounds() {
        return rounds.size();
    }

    /** The units of the figures, in order (empty when no round succeeded). */
    List<String> units() {
        return rounds.isEmpty() ? List.of() : rounds.get(0).stream().map(Metric::unit).toList();
    }

    /** Which figures are CPU figures, in order. */
    List<Boolean> cpuFlags() {
        return rounds.isEmpty() ? List.of() : rounds.get(0).stream().map(Metric::cpu).toList();
    }

    /** The median over the rounds of the {@code index}-th figure. */
    double median(int index) {
        return Stats.median(values(index));
    }

    double min(int index) {
        return Arrays.stream(values(index)).min().orElse(Double.NaN);
    }

    double max(int index) {
        return Arrays.stream(values(index)).max().orElse(Double.NaN);
    }

    private double[] values(int index) {
        return rounds.stream().mapToDouble(round -> round.get(index).value()).toArray();
    }
}
