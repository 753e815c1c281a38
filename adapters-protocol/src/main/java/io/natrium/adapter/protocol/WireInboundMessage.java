package io.natrium.adapter.protocol;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * The decoder's one reusable message: the subject, reply and size arguments copied into per-connection scratch,
 * the body left where it is in the read buffer. Valid only while {@code ClientSession.publish} runs.
 */
@HotPath
final class WireInboundMessage implements InboundMessage {

    private final SubjectView subject = new SubjectView();
    private final SubjectView reply = new SubjectView();
    private byte[] subjectBytes = new byte[64];
    private byte[] replyBytes = new byte[64];
    /** The size arguments exactly as the client wrote them, which MSG repeats verbatim. */
    private final byte[] headerSizeText = new byte[16];
    private final byte[] totalSizeText = new byte[16];
    private int headerSizeTextLength;
    private int totalSizeTextLength;

    private ByteBuf buffer;
    private int bodyIndex;
    private int bodyLength;
    private int headerLength;

    void setSubject(ByteBuf source, int index, int length) {
        if (subjectBytes.length < length) {
            subjectBytes = Arrays.copyOf(subjectBytes, Math.max(length, subjectBytes.length * 2));
        }
        source.getBytes(index, subjectBytes, 0, length);
        subject.wrap(subjectBytes, 0, length);
    }

    void clearSubject() {
        subject.wrap(subjectBytes, 0, 0);
    }

    void setReply(ByteBuf source, int index, int length) {
        if (replyBytes.length < length) {
            replyBytes = Arrays.copyOf(replyBytes, Math.max(length, replyBytes.length * 2));
        }
        source.getBytes(index, replyBytes, 0, length);
        reply.wrap(replyBytes, 0, length);
    }

    void clearReply() {
        reply.wrap(replyBytes, 0, 0);
    }

    /** Remembers the size arguments verbatim (they have at most nine digits, as the parser enforces). */
    void setSizeTexts(ByteBuf source, int headerIndex, int headerTextLength, int totalIndex, int totalTextLength) {
        headerSizeTextLength = headerTextLength;
        if (headerTextLength > 0) {
            source.getBytes(headerIndex, headerSizeText, 0, headerTextLength);
        }
        totalSizeTextLength = totalTextLength;
        source.getBytes(totalIndex, totalSizeText, 0, totalTextLength);
    }

    void setSizes(int header, int total) {
        headerLength = header;
        bodyLength = total;
    }

    void setBody(ByteBuf source, int index) {
        buffer = source;
        bodyIndex = index;
    }

    void release() {
        buffer = null;
    }

    ByteBuf buffer() {
        return buffer;
    }

    int bodyIndex() {
        return bodyIndex;
    }

    void writeHeaderSizeText(ByteBuf out) {
        out.writeBytes(headerSizeText, 0, headerSizeTextLength);
    }

    void writeTotalSizeText(ByteBuf out) {
        out.writeBytes(totalSizeText, 0, totalSizeTextLength);
    }

    int sizeTextsLength() {
        return headerSizeTextLength + totalSizeTextLength;
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
