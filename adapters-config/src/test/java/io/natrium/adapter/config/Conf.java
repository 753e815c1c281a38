package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigBoolean;
import io.natrium.adapter.config.syntax.ConfigError;
import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigFloat;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.adapter.config.syntax.Position;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Configuration trees for tests, written as alternating keys and values:
 * {@code conf("port", 4222, "authorization", map("user", "a", "pass", "b"))}. Java values become configuration
 * values (String, Integer/Long, Double, Boolean, List); nested {@link #map} and {@link #list} build blocks.
 * {@link #conf} lays the tree out as a file named {@code test.conf} would be: every key and every list element on
 * its own line, in document order, indented by two columns per level. So the third key written is at line 3, and
 * a key inside a block at column 3.
 */
final class Conf {

    static final String FILE = "test.conf";
    private static final Position NOWHERE = new Position(FILE, 0, 0);

    private int line;

    private Conf() {
    }

    /** A whole file. */
    static ConfigMap conf(Object... keysAndValues) {
        return (ConfigMap) new Conf().layout(map(keysAndValues), 0, 1);
    }

    /** A block. */
    static ConfigMap map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, ConfigEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            entries.put(key, new ConfigEntry(key, NOWHERE, value(keysAndValues[i + 1])));
        }
        return new ConfigMap(NOWHERE, entries);
    }

    /** An array. */
    static ConfigList list(Object... values) {
        List<ConfigValue> list = new ArrayList<>();
        for (Object value : values) {
            list.add(value(value));
        }
        return new ConfigList(NOWHERE, list);
    }

    /** The position of the n-th line of the laid-out file, at the column of the given nesting depth. */
    static String at(int line, int depth) {
        return FILE + ":" + line + ":" + (1 + 2 * depth);
    }

    /** A test case: mapping this tree gives exactly one error, {@code position: message}. */
    static Arguments fails(ConfigMap conf, String position, String message) {
        return Arguments.of(conf, position + ": " + message);
    }

    /**
     * The errors of a mapping as nats-server prints them: {@code file:line:col: message}; Natrium's refusals of
     * features it lacks are left out (see {@link #refusals}), so that the mapping of those keys stays testable.
     */
    static List<String> errors(MappedSettings mapped) {
        return mapped.errors().stream().filter(error -> !mapped.refusals().contains(error))
                .map(ConfigError::toString).toList();
    }

    static List<String> refusals(MappedSettings mapped) {
        return mapped.refusals().stream().map(ConfigError::toString).toList();
    }

    static List<String> warnings(MappedSettings mapped) {
        return mapped.warnings().stream().map(ConfigError::toString).toList();
    }

    static List<String> notices(MappedSettings mapped) {
        return mapped.notices().stream().map(ConfigError::toString).toList();
    }

    private static ConfigValue value(Object value) {
        if (value instanceof ConfigValue config) {
            return config;
        }
        if (value instanceof String text) {
            return new ConfigString(NOWHERE, text);
        }
        if (value instanceof Integer || value instanceof Long) {
            return new ConfigInteger(NOWHERE, ((Number) value).longValue());
        }
        if (value instanceof Double number) {
            return new ConfigFloat(NOWHERE, number);
        }
        if (value instanceof Boolean bool) {
            return new ConfigBoolean(NOWHERE, bool);
        }
        if (value instanceof List<?> values) {
            return list(values.toArray());
        }
        throw new IllegalArgumentException("no configuration value for " + value);
    }

    private ConfigValue layout(ConfigValue value, int depth, int column) {
        Position here = new Position(FILE, line, column);
        if (value instanceof ConfigMap map) {
            Map<String, ConfigEntry> entries = new LinkedHashMap<>();
            for (ConfigEntry entry : map.all()) {
                line++;
                Position key = new Position(FILE, line, 1 + 2 * depth);
                entries.put(entry.key(), new ConfigEntry(entry.key(), key,
                        layout(entry.value(), depth + 1, key.column() + entry.key().length() + 3)));
            }
            return new ConfigMap(here, entries);
        }
        if (value instanceof ConfigList list) {
            List<ConfigValue> values = new ArrayList<>();
            for (ConfigValue element : list.values()) {
                line++;
                values.add(layout(element, depth + 1, 1 + 2 * depth));
            }
            return new ConfigList(here, values);
        }
        return relocate(value, here);
    }

    private static ConfigValue relocate(ConfigValue value, Position at) {
        if (value instanceof ConfigString text) {
            return new ConfigString(at, text.value());
        }
        if (value instanceof ConfigInteger integer) {
            return new ConfigInteger(at, integer.value());
        }
        if (value instanceof ConfigFloat number) {
            return new ConfigFloat(at, number.value());
        }
        if (value instanceof ConfigBoolean bool) {
            return new ConfigBoolean(at, bool.value());
        }
        return value;
    }
}
