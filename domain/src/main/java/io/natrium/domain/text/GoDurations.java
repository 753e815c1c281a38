package io.natrium.domain.text;

import java.time.Duration;
import java.util.Map;

/**
 * Durations as Go reads and writes them ({@code time.ParseDuration}, {@code time.Duration.String()}, with Go's error
 * messages), and nats-server's compact uptime. Both follow Go's code on an unsigned 64-bit count of nanoseconds, so
 * the limits and the rounding of fractions are Go's.
 */
public final class GoDurations {

    private static final long MICROSECOND = 1_000L;
    private static final long MILLISECOND = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    /** 1 << 63, the largest count a duration's digits may reach (read as unsigned). */
    private static final long LIMIT = Long.MIN_VALUE;
    private static final long DECIMAL = 10;

    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L, "us", MICROSECOND, "\u00b5s", MICROSECOND, "\u03bcs", MICROSECOND,
            "ms", MILLISECOND, "s", SECOND, "m", MINUTE, "h", HOUR);

    private GoDurations() {
    }

    /**
     * Go's {@code time.Duration(n) * time.Second}: whole seconds as nanoseconds in an int64, wrapping around as Go's
     * arithmetic does, so that every duration a configuration gives has a nanosecond count.
     */
    public static Duration ofWholeSeconds(long seconds) {
        return Duration.ofNanos(seconds * SECOND);
    }

    /**
     * Go's {@code time.Duration(seconds * float64(time.Second))}: truncated towards zero; beyond the int64 range the
     * conversion gives the smallest int64, as it does on amd64.
     */
    public static Duration ofSeconds(double seconds) {
        double nanos = seconds * SECOND;
        if (Double.isNaN(nanos) || nanos >= 0x1p63 || nanos < -0x1p63) {
            return Duration.ofNanos(Long.MIN_VALUE);
        }
        return Duration.ofNanos((long) nanos);
    }

    /**
     * {@code time.Duration.String()}: {@code 0s}, {@code 850ns}, {@code 1.5µs}, {@code 4.684138ms}, {@code 2.5s},
     * {@code 1m0s}, {@code 1h2m3.5s}.
     */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        // Negating Long.MIN_VALUE leaves it as it is, which read as unsigned is its magnitude, as in Go.
        long magnitude = nanos < 0 ? -nanos : nanos;
        StringBuilder text = new StringBuilder(nanos < 0 ? "-" : "");
        if (Long.compareUnsigned(magnitude, SECOND) < 0) {
            if (magnitude < MICROSECOND) {
                return text.append(magnitude).append("ns").toString();
            }
            if (magnitude < MILLISECOND) {
                return appendFraction(text.append(magnitude / MICROSECOND), magnitude % MICROSECOND, 3)
                        .append("\u00b5s").toString();
            }
            return appendFraction(text.append(magnitude / MILLISECOND), magnitude % MILLISECOND, 6).append("ms")
                    .toString();
        }
        long seconds = Long.divideUnsigned(magnitude, SECOND);
        long minutes = seconds / 60;
        long hours = minutes / 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes % 60).append('m');
        }
        return appendFraction(text.append(seconds % 60), Long.remainderUnsigned(magnitude, SECOND), 9).append('s')
                .toString();
    }

    /**
     * {@code time.ParseDuration}: {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+}, e.g. {@code 1h30m}, {@code 1.5s},
     * {@code 500ms}, or {@code 0}.
     *
     * @throws IllegalArgumentException with Go's message, e.g. {@code time: missing unit in duration "10"}
     */
    public static Duration parse(String text) {
        String rest = text;
        boolean negative = false;
        if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
            negative = rest.charAt(0) == '-';
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return Duration.ZERO;
        }
        if (rest.isEmpty()) {
            throw invalid(text);
        }
        long total = 0;
        int i = 0;
        while (i < rest.length()) {
            if (rest.charAt(i) != '.' && !isDigit(rest.charAt(i))) {
                throw invalid(text);
            }
            int start = i;
            long whole = 0;
            for (; i < rest.length() && isDigit(rest.charAt(i)); i++) {
                if (Long.compareUnsigned(whole, Long.divideUnsigned(LIMIT, DECIMAL)) > 0) {
                    throw invalid(text);
                }
                whole = whole * DECIMAL + rest.charAt(i) - '0';
                if (Long.compareUnsigned(whole, LIMIT) > 0) {
                    throw invalid(text);
                }
            }
            boolean digitsBefore = i > start;
            long fraction = 0;
            double scale = 1;
            boolean digitsAfter = false;
            if (i < rest.length() && rest.charAt(i) == '.') {
                int fractionStart = ++i;
                boolean overflow = false;
                for (; i < rest.length() && isDigit(rest.charAt(i)); i++) {
                    // Digits past what 63 bits hold are read and ignored, as Go's leadingFraction does.
                    if (overflow || fraction > Long.MAX_VALUE / DECIMAL) {
                        overflow = true;
                        continue;
                    }
                    long next = fraction * DECIMAL + rest.charAt(i) - '0';
                    if (Long.compareUnsigned(next, LIMIT) > 0) {
                        overflow = true;
                        continue;
                    }
                    fraction = next;
                    scale *= DECIMAL;
                }
                digitsAfter = i > fractionStart;
            }
            if (!digitsBefore && !digitsAfter) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < rest.length() && rest.charAt(i) != '.' && !isDigit(rest.charAt(i))) {
                i++;
            }
            if (i == unitStart) {
                throw new IllegalArgumentException("time: missing unit in duration " + GoStrings.quote(text));
            }
            String unitText = rest.substring(unitStart, i);
            Long unit = UNITS.get(unitText);
            if (unit == null) {
                throw new IllegalArgumentException("time: unknown unit " + GoStrings.quote(unitText)
                        + " in duration " + GoStrings.quote(text));
            }
            if (Long.compareUnsigned(whole, Long.divideUnsigned(LIMIT, unit)) > 0) {
                throw invalid(text);
            }
            long value = whole * unit;
            if (fraction > 0) {
                // Go takes the fraction through float64, which is nanosecond-exact up to an hour.
                value += (long) (unsignedToDouble(fraction) * (unit / scale));
                if (Long.compareUnsigned(value, LIMIT) > 0) {
                    throw invalid(text);
                }
            }
            total += value;
            if (Long.compareUnsigned(total, LIMIT) > 0) {
                throw invalid(text);
            }
        }
        if (negative) {
            return Duration.ofNanos(-total);
        }
        if (total == LIMIT) {
            throw invalid(text);
        }
        return Duration.ofNanos(total);
    }

    /**
     * nats-server's compact uptime ({@code myUptime}): whole seconds as {@code 1y2d3h4m5s}, leaving out the leading
     * units that are zero ({@code 0s}, {@code 4m5s}, {@code 3h0m5s}).
     */
    public static String uptime(Duration duration) {
        long seconds = duration.getSeconds();
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        long years = days / 365;
        if (years > 0) {
            return years + "y" + days % 365 + "d" + hours % 24 + "h" + minutes % 60 + "m" + seconds % 60 + "s";
        }
        if (days > 0) {
            return days + "d" + hours % 24 + "h" + minutes % 60 + "m" + seconds % 60 + "s";
        }
        if (hours > 0) {
            return hours + "h" + minutes % 60 + "m" + seconds % 60 + "s";
        }
        if (minutes > 0) {
            return minutes + "m" + seconds % 60 + "s";
        }
        return seconds + "s";
    }

    /** Appends {@code .digits} of a fraction with {@code precision} digits, trailing zeros and all-zero left out. */
    static StringBuilder appendFraction(StringBuilder text, long fraction, int precision) {
        if (fraction == 0) {
            return text;
        }
        String digits = Long.toString(fraction);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        text.append('.');
        for (int i = digits.length(); i < precision; i++) {
            text.append('0');
        }
        return text.append(digits, 0, end);
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + GoStrings.quote(text));
    }
}
