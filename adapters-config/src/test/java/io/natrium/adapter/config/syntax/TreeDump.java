package io.natrium.adapter.config.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test views of a tree: {@link #lines} writes one line per value with its kind and positions (for golden files and
 * exact assertions), {@link #plain} turns it into plain Java values (for comparing values only).
 */
final class TreeDump {

    private TreeDump() {
    }

    /**
     * One line per entry or element: {@code path @keyPosition = kind value @valuePosition}, with a {@code *} after
     * the key when a variable used it. File names in positions lose {@code baseDirectory} so golden files do not
     * depend on where the sources are checked out.
     */
    static List<String> lines(ConfigMap root, String baseDirectory) {
        List<String> lines = new ArrayList<>();
        entries(root, "", baseDirectory, lines);
        return lines;
    }

    private static void entries(ConfigMap map, String prefix, String base, List<String> lines) {
        for (ConfigEntry entry : map.all()) {
            String path = prefix + entry.key() + (entry.usedAsVariable() ? "*" : "");
            value(path + " @" + where(entry.keyPosition(), base), entry.value(), prefix + entry.key(), base, lines);
        }
    }

    private static void value(String head, ConfigValue value, String path, String base, List<String> lines) {
        lines.add(head + " = " + describe(value) + " @" + where(value.position(), base));
        if (value instanceof ConfigMap map) {
            entries(map, path + ".", base, lines);
        } else if (value instanceof ConfigList list) {
            for (int i = 0; i < list.values().size(); i++) {
                String element = path + "[" + i + "]";
                value(element, list.values().get(i), element, base, lines);
            }
        }
    }

    private static String describe(ConfigValue value) {
        if (value instanceof ConfigMap || value instanceof ConfigList) {
            return value instanceof ConfigMap ? "map" : "list";
        }
        if (value instanceof ConfigString string) {
            return "string \"" + string.value().replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
                    .replace("\"", "\\\"") + "\"";
        }
        return value.kind() + " " + plain(value);
    }

    private static String where(Position position, String base) {
        String file = position.file().startsWith(base) ? position.file().substring(base.length()) : position.file();
        return file + ":" + position.line() + ":" + position.column();
    }

    /** Maps, lists, strings, longs, doubles, booleans and instants, without positions. */
    static Object plain(ConfigValue value) {
        if (value instanceof ConfigMap map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            for (ConfigEntry entry : map.all()) {
                plain.put(entry.key(), plain(entry.value()));
            }
            return plain;
        }
        if (value instanceof ConfigList list) {
            List<Object> plain = new ArrayList<>();
            for (ConfigValue element : list.values()) {
                plain.add(plain(element));
            }
            return plain;
        }
        if (value instanceof ConfigString string) {
            return string.value();
        }
        if (value instanceof ConfigInteger integer) {
            return integer.value();
        }
        if (value instanceof ConfigFloat number) {
            return number.value();
        }
        if (value instanceof ConfigBoolean bool) {
            return bool.value();
        }
        return ((ConfigDate) value).value();
    }
}
