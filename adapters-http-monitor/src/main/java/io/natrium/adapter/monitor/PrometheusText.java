package io.natrium.adapter.monitor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the Prometheus text exposition format, version 0.0.4, one metric family after another: {@code # HELP},
 * {@code # TYPE}, then its samples. It refuses what a scraper would reject (bad names, a family written twice, a
 * sample outside its family, a label set repeated or changing within a family), so a mistake fails the scrape's
 * tests rather than a user's Prometheus. Numbers are written as Prometheus's Go client writes them.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Integers below 2^53 are exact doubles, so their shortest decimal is their own digits. */
    private static final double EXACT_INTEGERS = 0x1p53;
    private static final int MAX_SIGNIFICANT_DIGITS = 17;
    /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} switches to an exponent from 1e+06 on. */
    private static final int EXPONENT_FROM = 6;
    private static final int EXPONENT_BELOW = -4;

    enum Type {
        COUNTER("counter"),
        GAUGE("gauge"),
        UNTYPED("untyped");

        private final String text;

        Type(String text) {
            this.text = text;
        }
    }

    private final StringBuilder text = new StringBuilder(8192);
    private final Set<String> familyNames = new HashSet<>();
    private final Set<String> labelSetsOfFamily = new HashSet<>();
    private String family;
    private List<String> labelNamesOfFamily;

    /** Starts a family; its samples follow. */
    PrometheusText family(String name, Type type, String help) {
        if (!isMetricName(name)) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        if (!familyNames.add(name)) {
            throw new IllegalStateException("metric family written twice: " + name);
        }
        family = name;
        labelNamesOfFamily = null;
        labelSetsOfFamily.clear();
        text.append("# HELP ").append(name).append(' ');
        escapeHelp(help, text);
        text.append("\n# TYPE ").append(name).append(' ').append(type.text).append('\n');
        return this;
    }

    /**
     * One sample of the current family.
     *
     * @param labels label names and values, alternating: {@code "server_id", id, "cid", "5"}
     */
    PrometheusText sample(double value, String... labels) {
        if (family == null) {
            throw new IllegalStateException("a sample before any metric family");
        }
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come as name, value pairs");
        }
        List<String> names = new ArrayList<>(labels.length / 2);
        int start = text.length();
        text.append(family);
        if (labels.length > 0) {
            text.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                String name = labels[i];
                if (!isLabelName(name) || names.contains(name)) {
                    text.setLength(start);
                    throw new IllegalArgumentException("bad or repeated label name " + name + " in " + family);
                }
                names.add(name);
                if (i > 0) {
                    text.append(',');
                }
                text.append(name).append("=\"");
                escapeLabelValue(labels[i + 1], text);
                text.append('"');
            }
            text.append('}');
        }
        String series = text.substring(start);
        if (labelNamesOfFamily == null) {
            labelNamesOfFamily = names;
        }
        if (!labelNamesOfFamily.equals(names) || !labelSetsOfFamily.add(series)) {
            text.setLength(start);
            throw new IllegalArgumentException(labelNamesOfFamily.equals(names)
                    ? "sample written twice: " + series
                    : "labels " + names + " differ from " + labelNamesOfFamily + " in " + family);
        }
        text.append(' ').append(formatValue(value)).append('\n');
        return this;
    }

    /** A family with one sample. */
    PrometheusText metric(String name, Type type, String help, double value, String... labels) {
        return family(name, type, help).sample(value, labels);
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*} */
    static boolean isMetricName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || c == ':' || isAsciiLetter(c) || i > 0 && c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}, and not {@code __...}, which Prometheus keeps for itself. */
    static boolean isLabelName(String name) {
        if (name.isEmpty() || name.startsWith("__")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || isAsciiLetter(c) || i > 0 && c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** A label value: backslash, double quote and line feed escaped; everything else as it is. */
    static void escapeLabelValue(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /** HELP text: backslash and line feed escaped; a double quote needs no escape there. */
    static void escapeHelp(String help, StringBuilder out) {
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /**
     * A sample value as Prometheus's Go client writes it ({@code strconv.FormatFloat(v, 'g', -1, 64)}): the shortest
     * decimal that reads back as the same double, with an exponent from 1e+06 up and below 1e-04 ({@code 0},
     * {@code 42}, {@code 0.75}, {@code 1.234567e+06}, {@code 1e-05}), and {@code +Inf}, {@code -Inf}, {@code NaN}.
     * Negative zero is written {@code 0}, as the Go client does.
     */
    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal decimal = shortest(Math.abs(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        // The value is 0.<digits> x 10^point, as Go's decimal conversion states it.
        int point = digits.length() - decimal.scale();
        int exponent = point - 1;
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (exponent < EXPONENT_BELOW || exponent >= EXPONENT_FROM) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            return out.append(magnitude).toString();
        }
        if (point <= 0) {
            out.append("0.");
            for (int i = point; i < 0; i++) {
                out.append('0');
            }
            return out.append(digits).toString();
        }
        if (point >= digits.length()) {
            out.append(digits);
            for (int i = digits.length(); i < point; i++) {
                out.append('0');
            }
            return out.toString();
        }
        return out.append(digits, 0, point).append('.').append(digits, point, digits.length()).toString();
    }

    /**
     * The shortest decimal that reads back as {@code value} (positive, finite), the nearer one when two of that
     * length do. Java 17's {@code Double.toString} sometimes gives a digit more than needed, so it is not used.
     * Some decimal of a given length reads back exactly when the value rounded down or up to that length does, and
     * then every longer length has one too, so the length is found by bisection.
     */
    private static BigDecimal shortest(double value) {
        if (value < EXACT_INTEGERS && value == Math.rint(value)) {
            return BigDecimal.valueOf((long) value);
        }
        BigDecimal exact = new BigDecimal(value);
        int tooShort = 0;
        int enough = MAX_SIGNIFICANT_DIGITS;
        while (enough - tooShort > 1) {
            int precision = (tooShort + enough) >>> 1;
            if (readsBack(exact, precision, RoundingMode.FLOOR, value)
                    || readsBack(exact, precision, RoundingMode.CEILING, value)) {
                enough = precision;
            } else {
                tooShort = precision;
            }
        }
        BigDecimal nearest = exact.round(new MathContext(enough, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == value) {
            return nearest;
        }
        // Only one side reads back (the gap to the next double is wider on one side at a power of two).
        BigDecimal down = exact.round(new MathContext(enough, RoundingMode.FLOOR));
        return down.doubleValue() == value ? down : exact.round(new MathContext(enough, RoundingMode.CEILING));
    }

    private static boolean readsBack(BigDecimal exact, int precision, RoundingMode mode, double value) {
        return exact.round(new MathContext(precision, mode)).doubleValue() == value;
    }
}
