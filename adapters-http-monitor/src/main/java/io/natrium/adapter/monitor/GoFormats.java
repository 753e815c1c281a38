package io.natrium.adapter.monitor;

import io.natrium.domain.permission.GoQuote;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How nats-server (Go) writes times, durations and numbers, for its JSON to be reproduced exactly. */
final class GoFormats {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLISECOND = 1_000_000L;
    private static final long MICROSECOND = 1_000L;
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private GoFormats() {
    }

    /**
     * nats-server's compact uptime ({@code myUptime}): whole seconds as {@code 1y2d3h4m5s}, leaving out the leading
     * units that are zero ({@code 0s}, {@code 4m5s}, {@code 3h0m5s}).
     */
    static String uptime(Duration duration) {
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

    /**
     * Go's {@code time.Duration.String()}: {@code 0s}, {@code 850ns}, {@code 1.5µs}, {@code 4.684138ms},
     * {@code 2.5s}, {@code 1m0s}, {@code 1h2m3.5s}.
     */
    static String duration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        if (nanos < 0) {
            text.append('-');
        }
        long value = Math.abs(nanos);
        if (value < SECOND) {
            if (value < MICROSECOND) {
                return text.append(value).append("ns").toString();
            }
            if (value < MILLISECOND) {
                return appendFraction(text.append(value / MICROSECOND), value % MICROSECOND, 3).append("µs")
                        .toString();
            }
            return appendFraction(text.append(value / MILLISECOND), value % MILLISECOND, 6).append("ms").toString();
        }
        long seconds = value / SECOND;
        long minutes = seconds / 60;
        long hours = minutes / 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes % 60).append('m');
        }
        return appendFraction(text.append(seconds % 60), value % SECOND, 9).append('s').toString();
    }

    /** Go's JSON form of a {@code time.Time} in UTC: RFC 3339 with nanoseconds, trailing zeros left out. */
    static String time(Instant instant) {
        StringBuilder text = new StringBuilder(DATE_TIME.format(instant));
        return appendFraction(text, instant.getNano(), 9).append('Z').toString();
    }

    /**
     * Go's JSON form of a float64: the shortest decimal that reads back the same, without exponent between 1e-6
     * and 1e21 ({@code 0}, {@code 1}, {@code 0.75}, {@code 0.1111111111111111}), with one outside
     * ({@code 1e-7}, {@code 1e+21}).
     */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no form for " + value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        StringBuilder text = new StringBuilder();
        if (value < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        int absolute = Math.abs(exponent);
        // strconv writes at least two exponent digits; encoding/json then trims e-07 to e-7, but leaves e+21.
        if (absolute < 10 && exponent > 0) {
            text.append('0');
        }
        return text.append(absolute).toString();
    }

    /** {@code strconv.Quote} for the text of parse errors. */
    static String quote(String value) {
        return GoQuote.of(value);
    }

    /** Appends {@code .digits} of a fraction with {@code precision} digits, trailing zeros and all-zero left out. */
    private static StringBuilder appendFraction(StringBuilder text, long fraction, int precision) {
        if (fraction == 0) {
            return text;
        }
        String digits = Long.toString(fraction);
        StringBuilder padded = new StringBuilder(precision);
        for (int i = digits.length(); i < precision; i++) {
            padded.append('0');
        }
        padded.append(digits);
        int end = padded.length();
        while (padded.charAt(end - 1) == '0') {
            end--;
        }
        return text.append('.').append(padded, 0, end);
    }
}
