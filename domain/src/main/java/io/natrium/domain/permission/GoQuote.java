package io.natrium.domain.permission;

import io.natrium.domain.subject.Utf8;

/**
 * Go's {@code %q} of a string ({@code strconv.Quote}), which nats-server uses for subjects in its error texts:
 * printable characters stay as they are, {@code "} and {@code \} are escaped, the usual control characters become
 * {@code \n}, {@code \t} and so on, other ASCII controls {@code \x1b}, other non-printable characters {@code \u00ad}
 * or {@code \U000e0001}.
 *
 * <p>Go quotes bytes, Java holds characters. A client's byte that is not UTF-8, kept in the text as
 * {@link Utf8#decodeKeepingBytes} keeps it, is written as that byte ({@code \xff}). Any other lone surrogate, which
 * valid UTF-8 cannot carry, is written as the three bytes it would have taken ({@code \xed\xa0\x80}). Either
 * way, that is what Go prints for those bytes.
 */
public final class GoQuote {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {
    }

    /** The text in double quotes with Go's escapes. */
    public static String of(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (Utf8.isKeptByte(text, i)) {
                appendHex(quoted.append("\\x"), text.charAt(i) & 0xFF, 2);
            } else if (Character.isSurrogate(text.charAt(i)) && Character.charCount(codePoint) == 1) {
                appendLoneSurrogate(quoted, codePoint);
            } else {
                appendCodePoint(quoted, codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return quoted.append('"').toString();
    }

    private static void appendCodePoint(StringBuilder quoted, int codePoint) {
        switch (codePoint) {
            case '"' -> quoted.append("\\\"");
            case '\\' -> quoted.append("\\\\");
            case 0x07 -> quoted.append("\\a");
            case '\b' -> quoted.append("\\b");
            case '\f' -> quoted.append("\\f");
            case '\n' -> quoted.append("\\n");
            case '\r' -> quoted.append("\\r");
            case '\t' -> quoted.append("\\t");
            case 0x0B -> quoted.append("\\v");
            default -> {
                if (isPrintable(codePoint)) {
                    quoted.appendCodePoint(codePoint);
                } else if (codePoint < 0x80) {
                    appendHex(quoted.append("\\x"), codePoint, 2);
                } else if (codePoint < 0x10000) {
                    appendHex(quoted.append("\\u"), codePoint, 4);
                } else {
                    appendHex(quoted.append("\\U"), codePoint, 8);
                }
            }
        }
    }

    /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrintable(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 0x20 && codePoint < 0x7F;
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** The three bytes of the surrogate's (invalid) UTF-8 form, each escaped as Go escapes an invalid byte. */
    private static void appendLoneSurrogate(StringBuilder quoted, int surrogate) {
        appendHex(quoted.append("\\x"), 0xE0 | surrogate >> 12, 2);
        appendHex(quoted.append("\\x"), 0x80 | surrogate >> 6 & 0x3F, 2);
        appendHex(quoted.append("\\x"), 0x80 | surrogate & 0x3F, 2);
    }

    private static void appendHex(StringBuilder quoted, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            quoted.append(HEX[value >> shift & 0xF]);
        }
    }
}
