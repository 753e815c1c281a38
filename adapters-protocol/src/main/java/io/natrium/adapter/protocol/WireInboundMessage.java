package io.natrium.adapter.protocol;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.netty.buffer.ByteBuf;


/**
 * The decoder's one reusable message: subject, reply and size arguments are ranges of the decoder's control-line
 * scratch, the body stays where it is in the read buffer. Valid only while {@code ClientSession.publish} runs.
 */
@HotPath
final class WireInboundMessage implements InboundMessage {

    private final SubjectView subject = new SubjectView();
    private final SubjectView reply = new SubjectView();
    private static final byte[] NOTHING = new byte[0];
    /** The decoder's control-line scratch: subject, reply and the size texts are ranges of it. */
    private byte[] line = NOTHING;
    private int headerSizeTextStart;
    private int headerSizeTextLength;
    private int totalSizeTextStart;
    private int totalSizeTextLength;

    private ByteBuf buffer;
    private int bodyIndex;
    private int bodyLength;
    private int headerLength;

    void setSubject(byte[] source, int offset, int length) {
        subject.wrap(source, offset, length);
    }

    void clearSubject() {
        subject.wrap(NOTHING, 0, 0);
    }

    void setReply(byte[] source, int offset, int length) {
        reply.wrap(source, offset, length);
    }

    void clearReply() {
        reply.wrap(NOTHING, 0, 0);
    }

    /** Remembers where the size arguments are, to repeat them verbatim in MSG as nats-server does. */
    void setSizeTexts(byte[] source, int headerStart, int headerLength, int totalStart, int totalLength) {
        line = source;
        headerSizeTextStart = headerStart;
        headerSizeTextLength = headerLength;
        totalSizeTextStart = totalStart;
        totalSizeTextLength = totalLength;
    }

    void setSizes(int header, int total) {
        headerLength = header;
        bodyLength = total;
    }

    void setBody(ByteBuf source, int index) {
        buffer = source;
        bodyIndex = index;
    }

    /** Forgets the read buffer once the message has been handed over: the flyweight must not keep it reachable. */
    void detachBody() {
        buffer = null;
    }

    ByteBuf buffer() {
        return buffer;
    }

    int bodyIndex() {
        return bodyIndex;
    }

    void writeHeaderSizeText(ByteBuf out) {
        out.writeBytes(line, headerSizeTextStart, headerSizeTextLength);
    }

    void writeTotalSizeText(ByteBuf out) {
        out.writeBytes(line, totalSizeTextStart, totalSizeTextLength);
    }

    @Override
    public SubjectView subject() {
        return subject;
    }

    @Override
    public SubjectView reply() {
        return reply;
    }

    @Override
    public int headerLength() {
        return headerLength;
    }

    @Override
    public int bodyLength() {
        return bodyLength;
    }

    @Override
    public void copyBody(int offset, byte[] target, int targetOffset, int length) {
        buffer.getBytes(bodyIndex + offset, target, targetOffset, length);
    }
}
