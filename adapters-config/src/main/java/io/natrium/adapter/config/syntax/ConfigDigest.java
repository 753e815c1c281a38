package io.natrium.adapter.config.syntax;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * nats-server's {@code config_digest}: SHA-256 over the parsed tree written as Go's {@code encoding/json} writes it
 * (map keys sorted by their UTF-8 bytes, no spaces, {@code <>&} escaped, floats in Go's shortest form, dates in
 * RFC 3339, a final newline). It therefore ignores comments, layout, quoting and how values were split across
 * includes or variables, and for the same configuration it equals nats-server's digest.
 */
final class ConfigDigest {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_INSTANT;
    private static final int FLUSH_CHARACTERS = 8192;
    /** Any double reads back from 17 significant digits. */
    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    private ConfigDigest() {
    }

    /** "sha256:" and the lower-case hex digest. */
    static String of(ConfigMap root) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        Writer writer = new Writer(sha256);
        writer.value(root);
        writer.out.append('\n');
        writer.flush();
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    /** The JSON text the digest is taken over, for tests and diagnostics. */
    static String json(ConfigMap root) {
        StringBuilder text = new StringBuilder();
        Writer writer = new Writer(null) {
            @Override
            void flush() {
                text.append(out);
                out.setLength(0);
            }
        };
        writer.value(root);
        writer.out.append('\n');
        writer.flush();
        return text.toString();
    }

    /** Writes JSON into a buffer that is hashed every few kilobytes, so a large tree needs no large string. */
    private static class Writer {
        final StringBuilder out = new StringBuilder();
        private final MessageDigest sha256;

        Writer(MessageDigest sha256) {
            this.sha256 = sha256;
        }

        void flush() {
            sha256.update(out.toString().getBytes(StandardCharsets.UTF_8));
            out.setLength(0);
        }

        void value(ConfigValue value) {
            if (out.length() >= FLUSH_CHARACTERS) {
                flush();
            }
            if (value instanceof ConfigMap map) {
                map(map);
            } else if (value instanceof ConfigList list) {
                out.append('[');
                for (int i = 0; i < list.values().size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    value(list.values().get(i));
                }
                out.append(']');
            } else if (value instanceof ConfigString string) {
                string(string.value());
            } else if (value instanceof ConfigInteger integer) {
                out.append(integer.value());
            } else if (value instanceof ConfigFloat number) {
                out.append(goFloat(number.value()));
            } else if (value instanceof ConfigBoolean bool) {
                out.append(bool.value());
            } else {
                string(RFC_3339.format(((ConfigDate) value).value()));
            }
        }

        private void map(ConfigMap map) {
            List<ConfigEntry> entries = new ArrayList<>(map.all());
            entries.sort((a, b) -> compareCodePoints(a.key(), b.key()));
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                out.append(i == 0 ? "" : ",");
                string(entries.get(i).key());
                out.append(':');
                value(entries.get(i).value());
            }
            out.append('}');
        }

        /** A JSON string as Go escapes it, HTML-safe. */
        private void string(String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                            out.append("\\u");
                            for (int shift = 12; shift >= 0; shift -= 4) {
                                out.append(Character.forDigit(c >> shift & 0xF, 16));
                            }
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }

    /** Code-point order, which is the byte order of UTF-8 that Go sorts map keys by. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * The decimal with the fewest digits that reads back as {@code value}, the nearest one among those. (Java 17's
     * {@code Double.toString} is sometimes a digit longer: -1.25e22 comes out as -1.2499999999999999E22.)
     */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < MAX_SIGNIFICANT_DIGITS; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate;
            }
        }
        return exact.round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
    }

    /**
     * A float as Go's JSON encoder writes it: the shortest decimal that reads back the same, plain between 1e-6 and
     * 1e21, otherwise in exponent form with at least two exponent digits when positive ({@code 1e+21},
     * {@code 1e-7}).
     */
    static String goFloat(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal decimal = shortest(value).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        StringBuilder text = new StringBuilder(value < 0 ? "-" : "");
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        int absolute = Math.abs(exponent);
        if (exponent > 0 && absolute < 10) {
            text.append('0');
        }
        return text.append(absolute).toString();
    }
}
