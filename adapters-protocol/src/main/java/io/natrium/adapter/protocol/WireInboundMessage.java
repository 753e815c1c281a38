package io.natrium.adapter.protocol;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.netty.buffer.ByteBuf;


/**
 * The decoder's one reusable message: subject, reply and size arguments are ranges of the decoder's control-line
 * scratch, the body stays where it is in the read buffer. Valid only while {@code ClientSession.publish} runs.
 *
 * <p>Another transport's decoder (MQTT's) reuses one too, through {@link #assemble}: its body is headers and payload
 * the transport put together in a buffer of its own. Public for that reason only; the class stays the one wire
 * implementation of {@code InboundMessage}, so the delivery path stays bimorphic.
 */
@HotPath
public final class WireInboundMessage implements InboundMessage {

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

    /** The decimal texts of the two sizes of an assembled message, which MSG repeats. */
    private byte[] sizeTexts;

    /**
     * Points this message at {@code subject[0, subjectLength)} with no reply and at the body
     * {@code body[bodyIndex, bodyIndex + bodyLength)}, whose first {@code headerLength} bytes are its header block.
     * The message is valid until the next call; the caller keeps the arrays and the buffer unchanged meanwhile.
     */
    public void assemble(byte[] subjectBytes, int subjectLength, ByteBuf body, int bodyIndex, int headerLength,
            int bodyLength) {
        subject.wrap(subjectBytes, 0, subjectLength);
        clearReply();
        if (sizeTexts == null) {
            sizeTexts = new byte[2 * 11];
        }
        int headerTextLength = writeDecimal(headerLength, sizeTexts, 0);
        int totalTextLength = writeDecimal(bodyLength, sizeTexts, headerTextLength);
        setSizeTexts(sizeTexts, 0, headerTextLength, headerTextLength, totalTextLength);
        setSizes(headerLength, bodyLength);
        setBody(body, bodyIndex);
    }

    private static int writeDecimal(int value, byte[] target, int offset) {
        int digits = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int rest = value;
        for (int i = offset + digits - 1; i >= offset; i--) {
            target[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return digits;
    }

    void setSubject(byte[] source, int offset, int length) {
        subject.wrap(source, offset, length);
    }

    /** As {@link #setSubject}, for ASCII bytes whose {@code String} hash the caller computed reading them. */
    void setAsciiSubject(byte[] source, int offset, int length, int hash) {
        subject.wrapAscii(source, offset, length, hash);
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
