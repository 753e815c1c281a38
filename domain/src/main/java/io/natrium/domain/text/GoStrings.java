package io.natrium.domain.text;

import io.natrium.domain.subject.Utf8;

import java.util.Collection;

/**
 * Strings as Go writes them: {@code %q} ({@code strconv.Quote}), which nats-server uses for subjects, names and paths
 * in its error texts and for traced payloads, and the string escapes of {@code encoding/json}.
 */
public final class GoStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String[] JSON_ASCII_ESCAPES = jsonAsciiEscapes();
    private static final String LINE_SEPARATOR_ESCAPE = "\\u2028";
    private static final String PARAGRAPH_SEPARATOR_ESCAPE = "\\u2029";

    private GoStrings() {
    }

    /**
     * {@code %q} of a string: printable characters stay as they are, {@code "} and {@code \} are escaped, the usual
     * control characters become {@code \n}, {@code \t} and so on, other ASCII controls {@code \x1b}, other
     * non-printable characters {@code \u00ad} or {@code \U000e0001}.
     *
     * <p>Go quotes bytes, Java holds characters: a lone surrogate, which valid UTF-8 cannot carry, is written as the
     * three bytes it would have taken ({@code \xed\xa0\x80}), which is what Go prints for those bytes.
     */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (Character.isSurrogate(text.charAt(i)) && Character.charCount(codePoint) == 1) {
                appendLoneSurrogate(quoted, codePoint);
            } else {
                appendQuotedRune(quoted, codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return quoted.append('"').toString();
    }

    /** {@code %q} of a {@code []string}: {@code ["a" "b"]}. */
    public static String quote(Collection<String> texts) {
        StringBuilder quoted = new StringBuilder().append('[');
        for (String text : texts) {
            if (quoted.length() > 1) {
                quoted.append(' ');
            }
            quoted.append(quote(text));
        }
        return quoted.append(']').toString();
    }

    /**
     * Appends {@code %q} of the first {@code length} bytes without the surrounding double quotes, as nats-server's
     * traces need to mark a cut payload inside them: UTF-8 is decoded and quoted as {@link #quote(String)} quotes
     * it, and each byte that is not valid UTF-8 becomes {@code \xff}.
     */
    public static void appendQuotedContent(StringBuilder out, byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int codePoint = Utf8.decode(bytes, i, length);
            if (codePoint == Utf8.INVALID) {
                appendHex(out.append("\\x"), bytes[i] & 0xFF, 2);
                i++;
            } else {
                appendQuotedRune(out, codePoint);
                i += Utf8.sequenceLength(bytes[i]);
            }
        }
    }

    /**
     * A JSON string as Go's {@code encoding/json} writes it, quotes included: newline, return and tab as their short
     * escapes; other controls, the HTML characters {@code <}, {@code >}, {@code &} and the JavaScript line
     * separators U+2028 and U+2029 as Unicode escapes with lowercase hex digits ({@code \b} and {@code \f} too, as
     * Go wrote them before 1.22).
     */
    public static String jsonString(String text) {
        return appendJsonString(new StringBuilder(text.length() + 2), text).toString();
    }

    /** Appends {@link #jsonString(String)} of the text. */
    public static StringBuilder appendJsonString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = jsonEscape(c);
            if (escape == null) {
                out.append(c);
            } else {
                out.append(escape);
            }
        }
        return out.append('"');
    }

    /**
     * What Go's {@code encoding/json} writes for the character inside a string, or null when it writes it as it is;
     * for JSON writers of other libraries to escape as Go does.
     */
    public static String jsonEscape(int c) {
        if (c < JSON_ASCII_ESCAPES.length) {
            return JSON_ASCII_ESCAPES[c];
        }
        if (c == '\u2028') {
            return LINE_SEPARATOR_ESCAPE;
        }
        return c == '\u2029' ? PARAGRAPH_SEPARATOR_ESCAPE : null;
    }

    private static String[] jsonAsciiEscapes() {
        String[] escapes = new String[0x80];
        for (int c = 0; c < 0x20; c++) {
            escapes[c] = unicodeEscape(c);
        }
        escapes['<'] = unicodeEscape('<');
        escapes['>'] = unicodeEscape('>');
        escapes['&'] = unicodeEscape('&');
        escapes['\n'] = "\\n";
        escapes['\r'] = "\\r";
        escapes['\t'] = "\\t";
        escapes['"'] = "\\\"";
        escapes['\\'] = "\\\\";
        return escapes;
    }

    private static String unicodeEscape(int c) {
        return appendHex(new StringBuilder(6).append("\\u"), c, 4).toString();
    }

    private static void appendQuotedRune(StringBuilder out, int codePoint) {
        switch (codePoint) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (isPrintable(codePoint)) {
                    out.appendCodePoint(codePoint);
                } else if (codePoint < 0x80) {
                    appendHex(out.append("\\x"), codePoint, 2);
                } else if (codePoint < 0x10000) {
                    appendHex(out.append("\\u"), codePoint, 4);
                } else {
                    appendHex(out.append("\\U"), codePoint, 8);
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
    private static void appendLoneSurrogate(StringBuilder out, int surrogate) {
        appendHex(out.append("\\x"), 0xE0 | surrogate >> 12, 2);
        appendHex(out.append("\\x"), 0x80 | surrogate >> 6 & 0x3F, 2);
        appendHex(out.append("\\x"), 0x80 | surrogate & 0x3F, 2);
    }

    private static StringBuilder appendHex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[value >> shift & 0xF]);
        }
        return out;
    }
}
