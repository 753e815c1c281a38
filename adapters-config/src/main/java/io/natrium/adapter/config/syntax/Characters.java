package io.natrium.adapter.config.syntax;

/** Character classes as nats-server's lexer defines them, and how its error messages show a character. */
final class Characters {

    /** What the cursor returns past the end of the text. */
    static final int EOF = -1;

    private Characters() {
    }

    /** Space and tab: what may stand between a value and the end of its line. */
    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static boolean isNewline(int c) {
        return c == '\n' || c == '\r';
    }

    /** Go's {@code unicode.IsSpace}, which separates keys: newlines, form feeds, no-break and other Unicode spaces. */
    static boolean isSpace(int c) {
        if (c < 0) {
            return false;
        }
        if (c <= 0xFF) {
            return c == ' ' || c >= '\t' && c <= '\r' || c == 0x85 || c == 0xA0;
        }
        return c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    static boolean isKeySeparator(int c) {
        return c == '=' || c == ':';
    }

    /** A decimal digit of any script, as Go's {@code unicode.IsDigit} (the number parsers then want ASCII). */
    static boolean isDigit(int c) {
        return c >= 0 && Character.isDigit(c);
    }

    /** Whether {@code value}, lower-cased character by character as Go does, equals the lower-case {@code word}. */
    static boolean lowerEquals(String value, String word) {
        if (value.length() != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(value.charAt(i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A character as error messages show it, the way nats-server does (a newline is written {@code \n}). */
    static String describe(int c) {
        return switch (c) {
            case EOF -> "EOF";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.valueOf((char) c);
        };
    }
}
