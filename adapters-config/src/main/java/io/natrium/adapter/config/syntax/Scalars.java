package io.natrium.adapter.config.syntax;

import static io.natrium.adapter.config.syntax.Characters.lowerEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/** Turns a scalar token into its value, with nats-server's messages for numbers and dates it cannot represent. */
final class Scalars {

    private static final DateTimeFormatter ZULU =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withResolverStyle(ResolverStyle.STRICT);

    private Scalars() {
    }

    /** The value of a STRING, BOOL, INTEGER, FLOAT or DATE token, or null after adding the error to the list. */
    static ConfigValue convert(Token token, List<ConfigError> errors) {
        Position at = token.position();
        String text = token.text();
        try {
            return switch (token.kind()) {
                case STRING -> new ConfigString(at, text);
                case BOOL -> new ConfigBoolean(at, isTrue(text));
                case INTEGER -> new ConfigInteger(at, SizeSuffix.parse(text));
                case FLOAT -> new ConfigFloat(at, parseFloat(text));
                case DATE -> new ConfigDate(at, parseDate(text));
                default -> throw new IllegalStateException("not a scalar: " + token);
            };
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError(at, e.getMessage()));
            return null;
        }
    }

    private static boolean isTrue(String word) {
        return lowerEquals(word, "true") || lowerEquals(word, "yes") || lowerEquals(word, "on");
    }

    private static double parseFloat(String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected float, but got '" + text + "'");
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("float '" + text + "' is out of the range");
        }
        return value;
    }

    private static Instant parseDate(String text) {
        try {
            return LocalDateTime.parse(text, ZULU).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected Zulu formatted DateTime, but got '" + text + "'");
        }
    }
}
