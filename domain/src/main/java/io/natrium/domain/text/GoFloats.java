package io.natrium.domain.text;

import java.util.Locale;

/**
 * {@code float64} values as Go writes them: in JSON, and with {@code fmt}'s {@code %v} and {@code %f}. Both of the
 * first start from the shortest decimal that reads back as the same number, which {@link Double#toString} gives.
 */
public final class GoFloats {

    /** {@code fmt}'s {@code %v} (the shortest {@code %g}) changes to an exponent from this one on. */
    private static final int SHORTEST_G_EXPONENT_LIMIT = 6;
    private static final int SHORTEST_G_SMALL_EXPONENT_LIMIT = -4;
    private static final double JSON_SMALL_LIMIT = 1e-6;
    private static final double JSON_LARGE_LIMIT = 1e21;

    private GoFloats() {
    }

    /**
     * {@code encoding/json}'s form: the shortest decimal, without exponent between 1e-6 and 1e21 ({@code 0},
     * {@code 1}, {@code 0.75}, {@code 0.1111111111111111}), with one outside ({@code 1e-7}, {@code 1e+21}).
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold (Go's encoder fails too)
     */
    public static String json(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no form for " + value);
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        Decimal decimal = Decimal.shortest(magnitude);
        StringBuilder text = new StringBuilder(24).append(value < 0 ? "-" : "");
        if (magnitude >= JSON_SMALL_LIMIT && magnitude < JSON_LARGE_LIMIT) {
            return decimal.appendPlain(text).toString();
        }
        int exponent = decimal.point() - 1;
        decimal.appendMantissa(text).append('e').append(exponent < 0 ? '-' : '+');
        // strconv writes at least two exponent digits; encoding/json then trims e-07 to e-7, but leaves e+21.
        if (exponent > 0 && exponent < 10) {
            text.append('0');
        }
        return text.append(Math.abs(exponent)).toString();
    }

    /**
     * {@code fmt}'s {@code %v}: the shortest decimal, with an exponent of at least two digits from 1e+06 on and below
     * 1e-04 ({@code 2}, {@code 0.5}, {@code 123456}, {@code 1.234567e+06}, {@code 1e-05}), {@code NaN},
     * {@code +Inf}, {@code -Inf}.
     */
    public static String v(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        Decimal decimal = Decimal.shortest(Math.abs(value));
        StringBuilder text = new StringBuilder(24).append(value < 0 ? "-" : "");
        int exponent = decimal.point() - 1;
        if (exponent >= SHORTEST_G_SMALL_EXPONENT_LIMIT && exponent < SHORTEST_G_EXPONENT_LIMIT) {
            return decimal.appendPlain(text).toString();
        }
        decimal.appendMantissa(text).append('e').append(exponent < 0 ? '-' : '+');
        if (Math.abs(exponent) < 10) {
            text.append('0');
        }
        return text.append(Math.abs(exponent)).toString();
    }

    /** {@code fmt}'s {@code %f}: six decimals. */
    public static String fixed(double value) {
        return String.format(Locale.ROOT, "%f", value);
    }

    /** A positive number as {@code 0.digits × 10^point}, the digits without leading or trailing zeros. */
    private record Decimal(String digits, int point) {

        static Decimal shortest(double magnitude) {
            String text = Double.toString(magnitude);
            int e = text.indexOf('E');
            String mantissa = e < 0 ? text : text.substring(0, e);
            int dot = mantissa.indexOf('.');
            String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int point = dot + (e < 0 ? 0 : Integer.parseInt(text.substring(e + 1)));
            int start = 0;
            while (all.charAt(start) == '0') {
                start++;
                point--;
            }
            int end = all.length();
            while (all.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(all.substring(start, end), point);
        }

        /** {@code 123.45}, {@code 0.00012}, {@code 1200}. */
        StringBuilder appendPlain(StringBuilder text) {
            if (point <= 0) {
                text.append("0.");
                for (int i = point; i < 0; i++) {
                    text.append('0');
                }
                return text.append(digits);
            }
            if (point >= digits.length()) {
                text.append(digits);
                for (int i = digits.length(); i < point; i++) {
                    text.append('0');
                }
                return text;
            }
            return text.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }

        /** {@code 1.2345} of {@code 1.2345e+06}. */
        StringBuilder appendMantissa(StringBuilder text) {
            text.append(digits.charAt(0));
            return digits.length() > 1 ? text.append('.').append(digits, 1, digits.length()) : text;
        }
    }
}
