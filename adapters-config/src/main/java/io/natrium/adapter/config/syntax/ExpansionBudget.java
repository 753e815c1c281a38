package io.natrium.adapter.config.syntax;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Bounds what variable references can build. A reference shares the referenced value rather than copying it, so
 * {@code b = [$a, $a]}, {@code c = [$b, $b]}, ... doubles the tree at each line without doubling the parse; whoever
 * walks the tree afterwards (the digest, the settings mapper) would pay the doubled price. Every substitution is
 * therefore charged its expanded size, and refused once the total passes {@value #MAX_WEIGHT}, or when it would make
 * the tree deeper than {@value #MAX_HEIGHT} levels (recursive walks stay safe).
 */
final class ExpansionBudget {

    static final long MAX_WEIGHT = 1L << 20;
    static final int MAX_HEIGHT = 2 * Session.MAX_DEPTH;

    /** Text counts one unit per this many characters, so a long string repeated many times is charged too. */
    private static final int CHARACTERS_PER_UNIT = 32;

    private record Size(long weight, int height) {
    }

    private final Map<ConfigValue, Size> sizes = new IdentityHashMap<>();
    private long spent;

    /**
     * Charges a substituted value placed at {@code depth}.
     *
     * @return null when admitted, else why not
     */
    String charge(ConfigValue value, int depth) {
        Size size = size(value);
        if (depth + size.height() > MAX_HEIGHT) {
            return "the value would nest more than " + MAX_HEIGHT + " levels deep";
        }
        if (spent + size.weight() > MAX_WEIGHT) {
            return "variables expand the configuration past " + MAX_WEIGHT + " values";
        }
        spent += size.weight();
        return null;
    }

    private Size size(ConfigValue value) {
        Size known = sizes.get(value);
        if (known != null) {
            return known;
        }
        long weight = 1;
        int height = 1;
        if (value instanceof ConfigMap map) {
            for (ConfigEntry entry : map.all()) {
                Size child = size(entry.value());
                weight += 1 + entry.key().length() / CHARACTERS_PER_UNIT + child.weight();
                height = Math.max(height, child.height() + 1);
            }
        } else if (value instanceof ConfigList list) {
            for (ConfigValue element : list.values()) {
                Size child = size(element);
                weight += child.weight();
                height = Math.max(height, child.height() + 1);
            }
        } else if (value instanceof ConfigString string) {
            weight += string.value().length() / CHARACTERS_PER_UNIT;
        }
        Size size = new Size(Math.min(weight, MAX_WEIGHT + 1), height);
        sizes.put(value, size);
        return size;
    }
}
