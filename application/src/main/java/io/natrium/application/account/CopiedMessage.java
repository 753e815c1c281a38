package io.natrium.application.account;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;

/**
 * A message the server made or changed itself, with its own copy of the body: a request with the header a service
 * import adds, or a report the server publishes. Only traffic crossing accounts and server reports pay for the copy.
 */
public final class CopiedMessage implements InboundMessage {

    private static final byte[] STATUS_LINE = "NATS/1.0\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int BLANK_LINE = 2;

    private final SubjectView subject;
    private final SubjectView reply;
    private final byte[] body;
    private final int headerLength;
    private final boolean internal;

    private CopiedMessage(SubjectView subject, SubjectView reply, byte[] body, int headerLength, boolean internal) {
        this.subject = subject;
        this.reply = reply;
        this.body = body;
        this.headerLength = headerLength;
        this.internal = internal;
    }

    /** A message without headers or reply, as the server publishes its reports (from its internal send loop). */
    static CopiedMessage payload(SubjectView subject, byte[] payload) {
        return new CopiedMessage(subject, new SubjectView(), payload, 0, true);
    }

    /**
     * A message the server's own client publishes: its subject, reply (empty for none) and body, whose first
     * {@code headerLength} bytes are the header block (0 for none).
     */
    public static CopiedMessage published(SubjectView subject, SubjectView reply, byte[] body, int headerLength) {
        return new CopiedMessage(subject, reply, body, headerLength, true);
    }

    /**
     * The message as an account's internal client passes it on when it crosses back as a service's response:
     * nats-server's import processing sets no reply field, so an empty reply is no field any more.
     */
    static InboundMessage crossedBack(InboundMessage message) {
        if (!message.writesEmptyReply()) {
            return message;
        }
        byte[] body = new byte[message.bodyLength()];
        message.copyBody(0, body, 0, body.length);
        return new CopiedMessage(message.subject(), message.reply(), body, message.headerLength(), false);
    }

    /**
     * The message under a new subject and reply with a header field ({@code "Name: value"}) added to its header
     * block (one is made when it has none).
     */
    static CopiedMessage withHeader(InboundMessage original, SubjectView subject, SubjectView reply, String field) {
        byte[] line = (field + "\r\n").getBytes(StandardCharsets.UTF_8);
        int oldHeader = original.headerLength();
        // An existing header block ends with a blank line; the new field goes before it.
        int kept = oldHeader == 0 ? 0 : oldHeader - BLANK_LINE;
        byte[] head = oldHeader == 0 ? STATUS_LINE : new byte[0];
        int newHeader = head.length + kept + line.length + BLANK_LINE;
        int payload = original.bodyLength() - oldHeader;
        byte[] body = new byte[newHeader + payload];
        System.arraycopy(head, 0, body, 0, head.length);
        original.copyBody(0, body, head.length, kept);
        System.arraycopy(line, 0, body, head.length + kept, line.length);
        body[newHeader - 2] = '\r';
        body[newHeader - 1] = '\n';
        original.copyBody(oldHeader, body, newHeader, payload);
        return new CopiedMessage(subject, reply, body, newHeader, false);
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
        return body.length;
    }

    @Override
    public boolean writesEmptyReply() {
        return internal && reply.length() == 0;
    }

    @Override
    public void copyBody(int offset, byte[] target, int targetOffset, int length) {
        System.arraycopy(body, offset, target, targetOffset, length);
    }
}
