package io.natrium.adapter.protocol;

import io.natrium.domain.text.GoStrings;
import io.netty.buffer.ByteBuf;

/**
 * What nats-server logs for the client input its parser rejects, word for word: the decoder words it, the session
 * logs it. Several texts quote part of the input with Go's {@code %q}, bytes that are not UTF-8 as {@code \xff}.
 * Built only on the way to closing a connection, so allocation does not matter here.
 */
final class ParseErrorText {

    /** nats-server's {@code PROTO_SNIPPET_SIZE}. */
    private static final int SNIPPET = 32;
    /** nats-server's {@code MAX_CONTROL_LINE_SNIPPET_SIZE}. */
    private static final int CONTROL_LINE_SNIPPET = 128;

    private ParseErrorText() {
    }

    /**
     * A byte no operation can go on with. nats-server gives its parser state, the byte's index in the current read,
     * and the read from that byte on: {@code Client parser ERROR, state=0, i=12: proto='"ZZZ\r"...'}.
     */
    static String unknownOperation(int goState, ByteBuf in, int index, int readStart) {
        int readEnd = in.writerIndex();
        return "Client parser ERROR, state=" + goState + ", i=" + (index - readStart) + ": proto='"
                + snippet(in, index, SNIPPET, readEnd) + "...'";
    }

    /**
     * Arguments longer than {@code max_control_line}: {@code bufferLength} is 0 when the line ended in this read,
     * else the length nats-server had held back from earlier reads, as its text shows it.
     */
    static String maxControlLine(int goState, int max, int bufferLength, ByteBuf in, int start, int length) {
        return "maximum control line exceeded: State " + goState + ", max_control_line " + max + ", Buffer len "
                + bufferLength + " (snip: " + snippet(in, start, CONTROL_LINE_SNIPPET, start + length) + "...)";
    }

    /** The size argument of PUB or HPUB over the payload limit. */
    static String maxPayload(int size, int max) {
        return "maximum payload exceeded: " + size + " vs " + max;
    }

    /** A PUB, HPUB, SUB or UNSUB line nats-server cannot read: {@code processPub Parse Error: "foo"}. */
    static String malformed(String problem, ControlLine line) {
        return problem + ": " + quoted(line.bytes(), line.length());
    }

    /**
     * nats-server's {@code protoSnippet}: up to {@code max} bytes from {@code start}, quoted; when that passes the
     * end, it stops one byte short of the end (a quirk kept, as the text is compared with nats-server's).
     */
    private static String snippet(ByteBuf in, int start, int max, int end) {
        if (start >= end) {
            return "\"\"";
        }
        int stop = start + max > end ? end - 1 : start + max;
        byte[] bytes = new byte[stop - start];
        in.getBytes(start, bytes);
        return quoted(bytes, bytes.length);
    }

    private static String quoted(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder(length + 2).append('"');
        GoStrings.appendQuotedContent(text, bytes, length);
        return text.append('"').toString();
    }
}
