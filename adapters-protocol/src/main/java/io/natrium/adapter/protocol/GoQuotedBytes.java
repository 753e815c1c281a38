package io.natrium.adapter.protocol;

/**
 * Go's {@code %q} of a byte slice, as nats-server prints traced payloads: UTF-8 is decoded, printable characters stay
 * as they are, {@code "} and {@code \} are escaped, the usual control characters become {@code \n}, {@code \r},
 * {@code \t} and so on, other non-printable characters {@code \}{@code u0085}, and bytes that are not valid UTF-8
 * {@code \xff}.
 */
final class GoQuotedBytes {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuotedBytes() {
    }

    /** Appends the quoted text without the surrounding double quotes. */
    static void appendEscaped(StringBuilder text, byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int width = sequenceLength(bytes, i, length);
            if (width == 0) {
                appendHexByte(text, bytes[i] & 0xFF);
                i++;
                continue;
            }
            int codePoint = decode(bytes, i, width);
            appendCodePoint(text, codePoint);
            i += width;
        }
    }

    private static void appendCodePoint(StringBuilder text, int codePoint) {
        switch (codePoint) {
            case '"' -> text.append("\\\"");
            case '\\' -> text.append("\\\\");
            case 0x07 -> text.append("\\a");
            case '\b' -> text.append("\\b");
            case '\f' -> text.append("\\f");
            case '\n' -> text.append("\\n");
            case '\r' -> text.append("\\r");
            case '\t' -> text.append("\\t");
            case 0x0B -> text.append("\\v");
            default -> {
                if (isPrintable(codePoint)) {
                    text.appendCodePoint(codePoint);
                } else if (codePoint < 0x80) {
                    appendHexByte(text, codePoint);
                } else if (codePoint < 0x10000) {
                    text.append("\\u");
                    appendHex(text, codePoint, 4);
                } else {
                    text.append("\\U");
                    appendHex(text, codePoint, 8);
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

    /**
     * The length of the valid UTF-8 sequence at {@code i}, or 0 when the byte there does not start one (overlong
     * forms, surrogates and code points past U+10FFFF are invalid, as in Go).
     */
    private static int sequenceLength(byte[] bytes, int i, int length) {
        int first = bytes[i] & 0xFF;
        if (first < 0x80) {
            return 1;
        }
        int width;
        int low = 0x80;
        int high = 0xBF;
        if (first >= 0xC2 && first <= 0xDF) {
            width = 2;
        } else if (first >= 0xE0 && first <= 0xEF) {
            width = 3;
            low = first == 0xE0 ? 0xA0 : 0x80;
            high = first == 0xED ? 0x9F : 0xBF;
        } else if (first >= 0xF0 && first <= 0xF4) {
            width = 4;
            low = first == 0xF0 ? 0x90 : 0x80;
            high = first == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (i + width > length) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < width; k++) {
            int next = bytes[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return width;
    }

    private static int decode(byte[] bytes, int i, int width) {
        int first = bytes[i] & 0xFF;
        if (width == 1) {
            return first;
        }
        int codePoint = first & (0x7F >> width);
        for (int k = 1; k < width; k++) {
            codePoint = codePoint << 6 | bytes[i + k] & 0x3F;
        }
        return codePoint;
    }

    private static void appendHexByte(StringBuilder text, int value) {
        text.append("\\x");
        appendHex(text, value, 2);
    }

    private static void appendHex(StringBuilder text, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            text.append(HEX[value >> shift & 0xF]);
        }
    }
}
