package io.natrium.testkit.prometheus;

import java.util.List;

/**
 * The lines of one metric name.
 *
 * @param type         {@code counter}, {@code gauge}, {@code histogram}, {@code summary} or {@code untyped}
 * @param typeDeclared whether a {@code # TYPE} line named it ({@code untyped} is assumed when none did)
 * @param help         the unescaped HELP text, null without a HELP line
 */
public record MetricFamily(String name, String type, boolean typeDeclared, String help, List<Sample> samples) {

    public MetricFamily {
        samples = List.copyOf(samples);
    }
}
