package io.natrium.benchmarks.load;

/** One figure of one run, e.g. 1.2 million {@code msgs/s} or 95 {@code p99 µs}. */
record Metric(String unit, double value) {

    static Metric rate(String unit, double count, long nanos) {
        return new Metric(unit, count * 1e9 / nanos);
    }

    static Metric latencyMicros(String unit, double nanos) {
        return new Metric(unit, nanos / 1e3);
    }
}
