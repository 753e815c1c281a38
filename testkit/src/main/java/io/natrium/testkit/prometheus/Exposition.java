package io.natrium.testkit.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** A parsed exposition: its metric families in the order written. */
public final class Exposition {

    private final Map<String, MetricFamily> families = new LinkedHashMap<>();

    Exposition(List<MetricFamily> families) {
        families.forEach(family -> this.families.put(family.name(), family));
    }

    public List<MetricFamily> families() {
        return new ArrayList<>(families.values());
    }

    public boolean has(String familyName) {
        return families.containsKey(familyName);
    }

    public MetricFamily family(String name) {
        MetricFamily family = families.get(name);
        if (family == null) {
            throw new NoSuchElementException("no metric family " + name + "; there are " + families.keySet());
        }
        return family;
    }

    /** The samples of a family with these labels (name, value pairs; others may be present too). */
    public List<Sample> samples(String familyName, String... labels) {
        return family(familyName).samples().stream().filter(sample -> sample.has(labels)).toList();
    }

    /** The value of the one sample of a family with these labels; fails when there is none or several. */
    public double value(String familyName, String... labels) {
        List<Sample> matching = samples(familyName, labels);
        if (matching.size() != 1) {
            throw new NoSuchElementException(matching.size() + " samples of " + familyName + " with labels "
                    + String.join(",", labels) + ": " + family(familyName).samples());
        }
        return matching.get(0).value();
    }
}
