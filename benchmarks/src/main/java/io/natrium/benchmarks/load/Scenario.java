package io.natrium.benchmarks.load;

import java.io.IOException;
import java.util.List;

/** A load scenario: the same code runs against each server. */
interface Scenario {

    /** The short name used on the command line, e.g. {@code fanout}. */
    String id();

    /** What the table calls it, e.g. {@code fan-out 1:5, 16 B}. */
    String title();

    /** The size of a measured run, in {@link #unit()}s. */
    long size();

    /** What {@link #size()} counts: {@code msg}, {@code request} or {@code connection}. */
    default String unit() {
        return "msg";
    }

    /**
     * Runs once with {@code size} units against the server behind {@code loop} and returns the figures; a wrong
     * count, an unexpected answer or a stall is thrown as a {@link LoadFailure}.
     */
    List<Metric> run(IoLoop loop, long size) throws IOException;
}
