package io.natrium.adapter.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** Go's {@code time.ParseDuration} and {@code time.Duration.String}, with Go's error messages. */
final class GoDuration {

    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L, "us", NANOS_PER_MICRO, "\u00b5s", NANOS_PER_MICRO, "\u03bcs", NANOS_PER_MICRO,
            "ms", NANOS_PER_MILLI, "s", NANOS_PER_SECOND, "m", NANOS_PER_MINUTE, "h", NANOS_PER_HOUR);

    private GoDuration() {
    }

    /**
     * Go's {@code time.Duration(n) * time.Second}: whole seconds as nanoseconds in an int64, wrapping around as Go's
     * arithmetic does, so that every duration the configuration gives has a nanosecond count.
     */
    static Duration ofWholeSeconds(long seconds) {
        return Duration.ofNanos(seconds * NANOS_PER_SECOND);
    }

    /**
     * Go's {@code time.Duration(seconds * float64(time.Second))}: truncated towards zero; beyond the int64 range the
     * conversion gives the smallest int64, as it does on amd64.
     */
    static Duration ofSeconds(double seconds) {
        double nanos = seconds * NANOS_PER_SECOND;
        if (Double.isNaN(nanos) || nanos >= 0x1p63 || nanos < -0x1p63) {
            return Duration.ofNanos(Long.MIN_VALUE);
        }
        return Duration.ofNanos((long) nanos);
    }

    /**
     * Parses {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+}, e.g. {@code 1h30m}, {@code 1.5s}, {@code 500ms}, or {@code 0}.
     *
     * @throws IllegalArgumentException with Go's message, e.g. {@code time: missing unit in duration "10"}
     */
    static Duration parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            boolean digitsBefore = i > start;
            boolean digitsAfter = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fraction = i;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    i++;
                }
                digitsAfter = i > fraction;
            }
            if (!digitsBefore && !digitsAfter) {
                throw invalid(text);
            }
            String number = s.substring(start, i);
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
                i++;
            }
            if (i == unitStart) {
                throw new IllegalArgumentException("time: missing unit in duration " + GoFormat.quote(text));
            }
            String unit = s.substring(unitStart, i);
            Long nanos = UNITS.get(unit);
            if (nanos == null) {
                throw new IllegalArgumentException("time: unknown unit " + GoFormat.quote(unit) + " in duration "
                        + GoFormat.quote(text));
            }
            total = total.add(new BigDecimal(number.endsWith(".") ? number + "0" : "0" + number)
                    .multiply(BigDecimal.valueOf(nanos)));
        }
        if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw invalid(text);
        }
        long nanos = total.longValue();
        return Duration.ofNanos(negative ? -nanos : nanos);
    }

    /** Go's {@code Duration.String()}: {@code 2m0s}, {@code 1h0m0s}, {@code 1.5s}, {@code 500ms}, {@code 0s}. */
    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos == Long.MIN_VALUE) {
            // Its magnitude has no long; Go prints it from the unsigned value.
            return "-2562047h47m16.854775808s";
        }
        String sign = nanos < 0 ? "-" : "";
        long u = Math.abs(nanos);
        if (u < NANOS_PER_SECOND) {
            if (u < NANOS_PER_MICRO) {
                return sign + u + "ns";
            }
            if (u < NANOS_PER_MILLI) {
                return sign + fraction(u, NANOS_PER_MICRO) + "\u00b5s";
            }
            return sign + fraction(u, NANOS_PER_MILLI) + "ms";
        }
        StringBuilder text = new StringBuilder(sign);
        long hours = u / NANOS_PER_HOUR;
        long minutes = u % NANOS_PER_HOUR / NANOS_PER_MINUTE;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        return text.append(fraction(u % NANOS_PER_MINUTE, NANOS_PER_SECOND)).append('s').toString();
    }

    private static String fraction(long value, long unit) {
        String digits = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros()
                .toPlainString();
        return digits;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + GoFormat.quote(text));
    }
}
