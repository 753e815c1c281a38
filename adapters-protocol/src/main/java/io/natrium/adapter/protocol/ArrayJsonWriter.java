package io.natrium.adapter.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** JSON into a byte array, with no Netty class loaded: for an INFO written while the server is still starting. */
final class ArrayJsonWriter extends JsonObjectWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    @Override
    void write(int b) {
        out.write(b);
    }

    @Override
    void writeAscii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    void writeUtf8(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    void writeDecimal(long value) {
        writeAscii(Long.toString(value));
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
