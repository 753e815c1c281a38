package io.natrium.adapter.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** The fixed parts of the server-to-client protocol, and number writing without allocation. */
final class WireFormat {

    static final byte[] NOTHING = new byte[0];
    static final byte[] OK = bytes("+OK\r\n");
    static final byte[] PING = bytes("PING\r\n");
    static final byte[] PONG = bytes("PONG\r\n");
    static final byte[] ERR_START = bytes("-ERR '");
    static final byte[] ERR_END = bytes("'\r\n");
    static final byte[] INFO_START = bytes("INFO ");
    /** nats-server ends INFO with a space before the CRLF. */
    static final byte[] INFO_END = bytes(" \r\n");
    static final byte[] MSG = bytes("MSG ");
    static final byte[] HMSG = bytes("HMSG ");
    static final short CRLF = ('\r' << 8) | '\n';
    static final byte[] NO_RESPONDERS_STATUS = bytes("NATS/1.0 503\r\nNats-Subject: ");
    /** The no-responders header block without the subject: {@code NATS/1.0 503\r\nNats-Subject: \r\n\r\n}. */
    static final int NO_RESPONDERS_FIXED_LENGTH = 32;

    private static final int MAX_DIGITS = 20;

    private WireFormat() {
    }

    /** Writes a non-negative number in decimal. */
    static void writeDecimal(ByteBuf out, long value) {
        if (value < 10) {
            out.writeByte('0' + (int) value);
            return;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int end = out.writerIndex() + digits;
        out.ensureWritable(digits);
        long rest = value;
        for (int index = end - 1; index >= out.writerIndex(); index--) {
            out.setByte(index, (int) ('0' + rest % 10));
            rest /= 10;
        }
        out.writerIndex(end);
    }

    /** An upper bound of the bytes {@link #writeDecimal} writes. */
    static int maxDecimalLength() {
        return MAX_DIGITS;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
