package io.natrium.testkit.memory;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;

/** A published message held in byte arrays, for driving a session without a wire. */
public final class BytesMessage implements InboundMessage {

    private final SubjectView subject = new SubjectView();
    private final SubjectView reply = new SubjectView();
    private final byte[] body;
    private final int headerLength;

    public BytesMessage(String subject, String reply, String headers, String payload) {
        this.subject.wrap(subject.getBytes(StandardCharsets.UTF_8));
        this.reply.wrap(reply == null ? new byte[0] : reply.getBytes(StandardCharsets.UTF_8));
        byte[] headerBytes = headers == null ? new byte[0] : headers.getBytes(StandardCharsets.UTF_8);
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        this.body = new byte[headerBytes.length + payloadBytes.length];
        System.arraycopy(headerBytes, 0, body, 0, headerBytes.length);
        System.arraycopy(payloadBytes, 0, body, headerBytes.length, payloadBytes.length);
        this.headerLength = headerBytes.length;
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
    public void copyBody(int offset, byte[] target, int targetOffset, int length) {
        System.arraycopy(body, offset, target, targetOffset, length);
    }
}
