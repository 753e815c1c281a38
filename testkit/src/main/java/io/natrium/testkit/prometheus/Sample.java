package io.natrium.testkit.prometheus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sample line.
 *
 * @param name      the sample's name (a histogram's {@code _bucket} keeps its suffix)
 * @param labels    its labels in the order written
 * @param timestamp milliseconds since the epoch, null when not written
 */
public record Sample(String name, Map<String, String> labels, double value, Long timestamp) {

    public Sample {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Whether every given label has the given value: {@code "cid", "5", "name", "x"}. */
    public boolean has(String... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (!namesAndValues[i + 1].equals(labels.get(namesAndValues[i]))) {
                return false;
            }
        }
        return true;
    }
}
