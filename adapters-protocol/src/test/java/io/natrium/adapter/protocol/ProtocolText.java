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
}
