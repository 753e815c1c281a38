package io.natrium.adapter.config.syntax;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a valid configuration from a small grammar, steered by fuzzer bytes, together with the plain values it must
 * read as: every kind of scalar, maps, arrays, comments, each separator, top-level braces, and variable references to
 * keys in scope or to {@link #ENVIRONMENT}. Only constructs nats-server itself reads unambiguously are produced.
 */
final class ConfigGenerator {

    static final Map<String, String> ENVIRONMENT = Map.of("FUZZ_INT", "7", "FUZZ_TEXT", "hello",
            "FUZZ_MAP", "{a: 1}", "FUZZ_LIST", "[x, y]");
    private static final String[] ENVIRONMENT_NAMES = {"FUZZ_INT", "FUZZ_TEXT", "FUZZ_MAP", "FUZZ_LIST"};
    private static final Map<String, Object> ENVIRONMENT_VALUES = Map.of("FUZZ_INT", 7L, "FUZZ_TEXT", "hello",
            "FUZZ_MAP", Map.of("a", 1L), "FUZZ_LIST", List.of("x", "y"));

    private static final int MAX_DEPTH = 4;
    private static final int MAX_REFERENCED_SIZE = 64;
    private static final String[] TOP_SEPARATORS = {" = ", ": ", " ", "=", ":", "\t", " =\t", "\n  "};
    private static final String[] MAP_SEPARATORS = {" = ", ": ", " ", "=", ":\n  ", "\n"};
    private static final String[] TOP_TERMINATORS = {"\n", "; ", ", ", " # comment\n", " // comment\n", "\r\n",
            ";\n", "\n\n# between entries\n"};
    private static final String[] MAP_TERMINATORS = {"\n", ", ", "; ", " # comment\n", " // c\n"};
    private static final String[] SUFFIXES = {"", "k", "K", "kb", "KiB", "ki", "m", "MB", "mi", "g", "Gi", "GB"};
    private static final String WORD_CHARACTERS = "abcdefghijklmnopqrstuvwxyzXYZ0123456789_.*>/@:-";
    private static final String QUOTED_CHARACTERS = "abc XYZ019-_.:/<>&{}[]#=;,'$()";

    private final FuzzedDataProvider data;
    private final StringBuilder text = new StringBuilder();
    /** The maps being written, innermost first: what a variable reference can see. */
    private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
    /** A block string ends its line, which already separates it from what follows. */
    private boolean lineEnded;

    private ConfigGenerator(FuzzedDataProvider data) {
        this.data = data;
    }

    /** A configuration text and the values it must read as. */
    record Generated(String text, Map<String, Object> expected) {
    }

    static Generated generate(FuzzedDataProvider data) {
        ConfigGenerator generator = new ConfigGenerator(data);
        Map<String, Object> root = new LinkedHashMap<>();
        generator.scopes.push(root);
        boolean braces = data.consumeBoolean();
        if (braces) {
            generator.text.append("{\n");
        }
        int entries = data.consumeInt(0, 8);
        for (int i = 0; i < entries; i++) {
            generator.entry(root, TOP_SEPARATORS, 0);
            generator.text.append(generator.separator(TOP_TERMINATORS));
        }
        if (braces) {
            generator.text.append("}\n");
        }
        return new Generated(generator.text.toString(), root);
    }

    private void entry(Map<String, Object> target, String[] separators, int depth) {
        String key = key();
        boolean quoted = data.consumeBoolean() && data.consumeBoolean();
        text.append(quoted ? "\"" + key + "\"" : key).append(data.pickValue(separators));
        Object value = value(depth);
        target.remove(key);
        target.put(key, value);
    }

    private String key() {
        String key = "k" + data.consumeInt(0, 12);
        return data.consumeBoolean() ? key : "key_" + key;
    }

    private Object value(int depth) {
        int choice = data.consumeInt(0, depth < MAX_DEPTH ? 12 : 9);
        return switch (choice) {
            case 0 -> doubleQuoted();
            case 1 -> singleQuoted();
            case 2 -> word();
            case 3 -> integer();
            case 4 -> decimal();
            case 5 -> bool();
            case 6 -> date();
            case 7 -> blockString();
            case 8, 9 -> reference();
            case 10, 11 -> map(depth + 1);
            default -> array(depth + 1);
        };
    }

    private String doubleQuoted() {
        StringBuilder expected = new StringBuilder();
        text.append('"');
        int length = data.consumeInt(0, 12);
        for (int i = 0; i < length; i++) {
            switch (data.consumeInt(0, 7)) {
                case 0 -> append("\\t", expected, "\t");
                case 1 -> append("\\n", expected, "\n");
                case 2 -> append("\\\"", expected, "\"");
                case 3 -> append("\\\\", expected, "\\");
                case 4 -> append("\\x41", expected, "A");
                default -> {
                    String c = String.valueOf(data.pickValue(QUOTED_CHARACTERS.toCharArray()));
                    append(c, expected, c);
                }
            }
        }
        text.append('"');
        return expected.toString();
    }

    private void append(String written, StringBuilder expected, String read) {
        text.append(written);
        expected.append(read);
    }

    private String singleQuoted() {
        StringBuilder value = new StringBuilder();
        int length = data.consumeInt(0, 12);
        for (int i = 0; i < length; i++) {
            char c = data.pickValue((QUOTED_CHARACTERS + "\\\"").toCharArray());
            value.append(c == '\'' ? '"' : c);
        }
        text.append('\'').append(value).append('\'');
        return value.toString();
    }

    private String word() {
        StringBuilder word = new StringBuilder().append(data.pickValue("abcdghjwxz".toCharArray()));
        int length = data.consumeInt(0, 10);
        for (int i = 0; i < length; i++) {
            word.append(data.pickValue(WORD_CHARACTERS.toCharArray()));
        }
        text.append(word);
        return word.toString();
    }

    private long integer() {
        long number = data.consumeLong(-100_000, 100_000);
        String suffix = data.pickValue(SUFFIXES);
        text.append(number).append(suffix);
        return number * SizeSuffix.parse("1" + suffix);
    }

    private double decimal() {
        String written = data.consumeInt(-999, 999) + "." + data.consumeInt(0, 99_999);
        text.append(written);
        return Double.parseDouble(written);
    }

    private boolean bool() {
        String word = data.pickValue(new String[] {"true", "TRUE", "yes", "On", "false", "no", "OFF", "False"});
        text.append(word);
        return Characters.lowerEquals(word, "true") || Characters.lowerEquals(word, "yes") || Characters.lowerEquals(word, "on");
    }

    private Instant date() {
        Instant date = Instant.ofEpochSecond(data.consumeLong(0, 4_102_444_800L)).truncatedTo(ChronoUnit.SECONDS);
        text.append(date);
        return date;
    }

    private String blockString() {
        StringBuilder value = new StringBuilder("\n");
        int lines = data.consumeInt(0, 3);
        for (int i = 0; i < lines; i++) {
            value.append(data.pickValue(new String[] {"  plain text", "x = $y # not parsed", "(nested)", "  )"}))
                    .append('\n');
        }
        text.append('(').append(value).append(")\n");
        lineEnded = true;
        return value.toString();
    }

    private String separator(String[] choices) {
        if (lineEnded) {
            lineEnded = false;
            return "";
        }
        return data.pickValue(choices);
    }

    private Object reference() {
        List<Map.Entry<String, Object>> visible = new ArrayList<>();
        for (Map<String, Object> scope : scopes) {
            for (Map.Entry<String, Object> entry : scope.entrySet()) {
                if (visible.stream().noneMatch(seen -> seen.getKey().equals(entry.getKey()))) {
                    visible.add(entry);
                }
            }
        }
        // A reference shares its value; referring to large values over and over would build a tree past the
        // parser's expansion budget, which is another test's subject.
        visible.removeIf(entry -> size(entry.getValue(), MAX_REFERENCED_SIZE) > MAX_REFERENCED_SIZE);
        if (visible.isEmpty() || data.consumeBoolean()) {
            String name = data.pickValue(ENVIRONMENT_NAMES);
            text.append('$').append(name);
            return ENVIRONMENT_VALUES.get(name);
        }
        Map.Entry<String, Object> entry = data.pickValue(visible);
        text.append('$').append(entry.getKey());
        return entry.getValue();
    }

    /** The number of values in {@code value}, counting no further than just past {@code limit}. */
    private static int size(Object value, int limit) {
        int size = 1;
        Iterable<?> children = value instanceof Map<?, ?> map ? map.values()
                : value instanceof List<?> list ? list : List.of();
        for (Object child : children) {
            if (size > limit) {
                break;
            }
            size += size(child, limit - size);
        }
        return size;
    }

    private Map<String, Object> map(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        scopes.push(map);
        text.append("{ ");
        int entries = data.consumeInt(0, 4);
        for (int i = 0; i < entries; i++) {
            entry(map, MAP_SEPARATORS, depth);
            text.append(i == entries - 1 ? " " : separator(MAP_TERMINATORS));
        }
        text.append('}');
        lineEnded = false;
        scopes.pop();
        return map;
    }

    private List<Object> array(int depth) {
        List<Object> values = new ArrayList<>();
        text.append(data.consumeBoolean() ? "[ " : "[\n  # values\n  ");
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            values.add(value(depth));
            // A space before ']' keeps a number a number, as in nats-server.
            text.append(i == count - 1 ? " " : separator(new String[] {", ", "\n  ", " , ", " // c\n  "}));
        }
        text.append(']');
        lineEnded = false;
        return values;
    }
}
