package io.natrium.benchmarks.load;

/**
 * One figure of one run, e.g. 1.2 million {@code msgs/s} or 95 {@code p99 µs}. CPU figures (time the tool's thread
 * and the server's process spent per unit of work) go to a table of their own.
 */
record Metric(String unit, double value, boolean cpu) {

    static Metric rate(String unit, double count, long nanos) {
        return new Metric(unit, count * 1e9 / nanos, false);
    }

    static Metric latencyMicros(String unit, double nanos) {
        return new Metric(unit, nanos / 1e3, false);
    }

    static Metric cpuNanos(String unit, double nanos) {
        return new Metric(unit, nanos, true);
    }
}
