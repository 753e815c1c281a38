package io.natrium.adapter.config.syntax;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The value of a string with escapes. {@code \xHH} adds a raw byte, so the text is kept as UTF-8 bytes once such
 * a byte appears, and decoded at the end (nats-server's strings are bytes; {@code \xc3\xa9} is "é").
 */
final class EscapedText {
    private final StringBuilder chars = new StringBuilder();
    private ByteArrayOutputStream bytes;

    EscapedText append(String part) {
        chars.append(part);
        return this;
    }

    void append(char c) {
        chars.append(c);
    }

    void appendByte(int value) {
        if (bytes == null) {
            bytes = new ByteArrayOutputStream();
        }
        flushChars();
        bytes.write(value);
    }

    private void flushChars() {
        byte[] encoded = chars.toString().getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        chars.setLength(0);
    }

    @Override
    public String toString() {
        if (bytes == null) {
            return chars.toString();
        }
        flushChars();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
