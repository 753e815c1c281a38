package io.natrium.adapter.protocol;

import io.natrium.application.port.in.ClientSession;
import io.natrium.domain.HotPath;
import io.netty.buffer.ByteBuf;

/**
 * The common PUB line, read at once: when the read holds all of it, it is copied, split and its subject hashed in one
 * pass ({@link ControlLine#splitWholeLine}) instead of being searched for its end, copied, split and hashed one after
 * the other by the decoder's general path. Anything unusual (a line longer than the window or than the limit, a bad
 * argument, a body over the limit, bytes that are not ASCII) is left to the general path untouched, which then
 * answers it exactly as it answers it alone: this is a shortcut, never a second set of rules.
 */
@HotPath
final class WholePublishLine {

    /** Covers a line with a subject and a reply of common lengths; a longer one takes the general path. */
    static final int WINDOW = 128;

    private WholePublishLine() {
    }

    /**
     * Reads the arguments of the PUB whose line starts at {@code in}'s reader index (just past {@code PUB }) into
     * {@code message}, has the session check its subject as the general path does, and moves the reader index past
     * the line's CRLF. Returns the body's size; or -1, with
     * {@code in} untouched, for the general path.
     */
    static int read(ByteBuf in, ControlLine line, WireInboundMessage message, ClientSession session) {
        int start = in.readerIndex();
        line.copyWindow(in, start, Math.min(in.readableBytes(), WINDOW));
        int count = line.splitWholeLine();
        if (count < 0 || line.length() > session.maxControlLine()
                || OperationArguments.publish(line, count, message) != null
                || message.bodyLength() > session.maxPayload()) {
            return -1;
        }
        session.checkPublishSubject(message.subject());
        in.readerIndex(start + line.wholeLineLength());
        return message.bodyLength();
    }
}
