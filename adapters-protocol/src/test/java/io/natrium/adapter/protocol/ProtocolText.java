package io.natrium.adapter.protocol;

import java.nio.charset.StandardCharsets;

/** Protocol text in tests: one char per byte (ISO-8859-1), so any byte value can be written as a char. */
final class ProtocolText {

    private ProtocolText() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static String repeat(char c, int count) {
        return String.valueOf(c).repeat(count);
    }

    /** The text as a test name: control and non-ASCII chars escaped, long texts cut. */
    static String printable(String input) {
        StringBuilder text = new StringBuilder();
        for (char c : input.toCharArray()) {
            switch (c) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                default -> text.append(c >= ' ' && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
            }
        }
        return text.length() <= 80 ? text.toString() : text.substring(0, 77) + "...";
    }
}
