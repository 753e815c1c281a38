package io.natrium.testkit.prometheus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus text exposition format, version 0.0.4, and refuses what Prometheus's own parser refuses, and
 * a little more: every line ends with a line feed; {@code # HELP} and {@code # TYPE} at most once per name, the TYPE
 * before the name's first sample; the lines of one name together; valid metric and label names, no label twice in
 * a sample, no series twice; label values and HELP with only their defined escapes; values as Go's
 * {@code ParseFloat} reads them plus {@code NaN}, {@code +Inf}, {@code -Inf}; an optional integer timestamp.
 * Errors name the line.
 */
public final class PrometheusTextParser {

    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?)"
                    + "|[nN][aA][nN]");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final Map<String, FamilyBuilder> families = new LinkedHashMap<>();
    private final Set<String> series = new HashSet<>();
    private FamilyBuilder current;
    private int lineNumber;

    private PrometheusTextParser() {
    }

    /** Parses a whole exposition; throws {@link IllegalArgumentException} naming the first bad line. */
    public static Exposition parse(String text) {
        return new PrometheusTextParser().read(text);
    }

    private Exposition read(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition does not end with a line feed");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            lineNumber = i + 1;
            try {
                line(lines[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage() + ": " + lines[i], e);
            }
        }
        List<MetricFamily> built = new ArrayList<>();
        families.values().forEach(family -> built.add(family.build()));
        return new Exposition(built);
    }

    private void line(String line) {
        String trimmed = strip(line);
        if (trimmed.isEmpty()) {
            return;
        }
        if (trimmed.charAt(0) == '#') {
            comment(trimmed.substring(1));
        } else {
            sample(new Cursor(trimmed));
        }
    }

    private void comment(String rest) {
        Cursor cursor = new Cursor(rest);
        cursor.skipBlanks();
        String keyword = cursor.token();
        if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
            return; // any other comment
        }
        cursor.requireBlank();
        String name = cursor.token();
        requireMetricName(name);
        FamilyBuilder family = enter(name);
        if (keyword.equals("HELP")) {
            if (family.help != null) {
                throw new IllegalArgumentException("second HELP line for " + name);
            }
            cursor.skipBlanks();
            family.help = unescapeHelp(cursor.rest());
            return;
        }
        cursor.requireBlank();
        String type = cursor.token();
        cursor.skipBlanks();
        if (!cursor.atEnd() || !TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown metric type " + type);
        }
        if (family.typeDeclared) {
            throw new IllegalArgumentException("second TYPE line for " + name);
        }
        if (!family.samples.isEmpty()) {
            throw new IllegalArgumentException("TYPE line for " + name + " after its first sample");
        }
        family.type = type;
        family.typeDeclared = true;
    }

    private void sample(Cursor cursor) {
        String name = cursor.name();
        requireMetricName(name);
        Map<String, String> labels = new LinkedHashMap<>();
        boolean blank = cursor.skipBlanks();
        if (cursor.peek() == '{') {
            cursor.next();
            labels(cursor, labels);
            cursor.requireBlank();
        } else if (!blank) {
            throw new IllegalArgumentException("expected a blank or { after " + name);
        }
        String valueText = cursor.token();
        if (!FLOAT.matcher(valueText).matches()) {
            throw new IllegalArgumentException("not a value: " + valueText);
        }
        double value = Double.parseDouble(valueText.replaceAll("(?i)^([+-]?)inf(inity)?$", "$1Infinity")
                .replaceAll("(?i)^nan$", "NaN"));
        Long timestamp = null;
        cursor.skipBlanks();
        if (!cursor.atEnd()) {
            String timestampText = cursor.token();
            if (!INTEGER.matcher(timestampText).matches()) {
                throw new IllegalArgumentException("not a timestamp: " + timestampText);
            }
            timestamp = Long.parseLong(timestampText);
            cursor.skipBlanks();
            if (!cursor.atEnd()) {
                throw new IllegalArgumentException("text after the timestamp");
            }
        }
        FamilyBuilder family = enter(familyOf(name));
        if (!series.add(name + new TreeMap<>(labels))) {
            throw new IllegalArgumentException("series written twice: " + name + labels);
        }
        family.samples.add(new Sample(name, labels, value, timestamp));
    }

    private static void labels(Cursor cursor, Map<String, String> labels) {
        while (true) {
            cursor.skipBlanks();
            if (cursor.peek() == '}') {
                cursor.next();
                return;
            }
            String label = cursor.name();
            if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                throw new IllegalArgumentException("bad label name " + label);
            }
            cursor.skipBlanks();
            cursor.expect('=');
            cursor.skipBlanks();
            cursor.expect('"');
            String value = cursor.labelValue();
            if (labels.put(label, value) != null) {
                throw new IllegalArgumentException("label " + label + " twice");
            }
            cursor.skipBlanks();
            char next = cursor.next();
            if (next == '}') {
                return;
            }
            if (next != ',') {
                throw new IllegalArgumentException("expected , or } after a label, found " + next);
            }
        }
    }

    /** A histogram's or summary's {@code _bucket}, {@code _sum} and {@code _count} belong to its family. */
    private String familyOf(String sampleName) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (sampleName.endsWith(suffix)) {
                FamilyBuilder base = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                boolean composite = base != null && (base.type.equals("histogram")
                        || base.type.equals("summary") && !suffix.equals("_bucket"));
                if (composite) {
                    return base.name;
                }
            }
        }
        return sampleName;
    }

    /** The family a line is about; its lines must not be interrupted by another family's. */
    private FamilyBuilder enter(String name) {
        if (current != null && current.name.equals(name)) {
            return current;
        }
        if (families.containsKey(name)) {
            throw new IllegalArgumentException("lines of " + name + " are not together");
        }
        current = new FamilyBuilder(name);
        families.put(name, current);
        return current;
    }

    private static void requireMetricName(String name) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad metric name " + name);
        }
    }

    private static String unescapeHelp(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) {
                throw new IllegalArgumentException("HELP ends in a lone backslash");
            }
            switch (text.charAt(i)) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                default -> throw new IllegalArgumentException("bad escape \\" + text.charAt(i) + " in HELP");
            }
        }
        return out.toString();
    }

    private static String strip(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isBlank(line.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Reads one line left to right. */
    private static final class Cursor {

        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(position);
        }

        char next() {
            if (atEnd()) {
                throw new IllegalArgumentException("line ends too early");
            }
            return text.charAt(position++);
        }

        void expect(char c) {
            char found = next();
            if (found != c) {
                throw new IllegalArgumentException("expected " + c + ", found " + found);
            }
        }

        /** Skips blanks; whether there were any. */
        boolean skipBlanks() {
            int start = position;
            while (!atEnd() && isBlank(text.charAt(position))) {
                position++;
            }
            return position > start;
        }

        void requireBlank() {
            if (atEnd() || !isBlank(peek())) {
                throw new IllegalArgumentException("expected a blank at column " + (position + 1));
            }
            skipBlanks();
        }

        /** Up to the next blank. */
        String token() {
            int start = position;
            while (!atEnd() && !isBlank(text.charAt(position))) {
                position++;
            }
            if (start == position) {
                throw new IllegalArgumentException("expected a token at column " + (start + 1));
            }
            return text.substring(start, position);
        }

        /** A metric or label name: up to a character no name may hold. */
        String name() {
            int start = position;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == ':')) {
                position++;
            }
            return text.substring(start, position);
        }

        String rest() {
            String rest = text.substring(position);
            position = text.length();
            return rest;
        }

        /** After the opening quote: the value up to the closing one, unescaped. */
        String labelValue() {
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '\\' -> value.append('\\');
                    case '"' -> value.append('"');
                    case 'n' -> value.append('\n');
                    default -> throw new IllegalArgumentException("bad escape \\" + escaped + " in a label value");
                }
            }
        }
    }

    private static final class FamilyBuilder {

        private final String name;
        private final List<Sample> samples = new ArrayList<>();
        private String type = "untyped";
        private boolean typeDeclared;
        private String help;

        FamilyBuilder(String name) {
            this.name = name;
        }

        MetricFamily build() {
            return new MetricFamily(name, type, typeDeclared, help, samples);
        }
    }
}
