package io.natrium.adapter.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** JSON straight into a Netty buffer (a client's pending buffer), allocating nothing. */
final class ByteBufJsonWriter extends JsonObjectWriter {

    private final ByteBuf out;

    ByteBufJsonWriter(ByteBuf out) {
        this.out = out;
    }

    @Override
    void write(int b) {
        out.writeByte(b);
    }

    @Override
    void writeAscii(String text) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
    }

    @Override
    void writeUtf8(String text) {
        out.writeCharSequence(text, StandardCharsets.UTF_8);
    }

    @Override
    void writeDecimal(long value) {
        WireFormat.writeDecimal(out, value);
    }
}
