package io.natrium.adapter.protocol;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.subject.SubjectView;

/** A published message held in a byte array, so the outbound takes its generic copying path. */
record ByteArrayMessage(SubjectView subject, SubjectView reply, int headerLength, byte[] body)
        implements InboundMessage {

    static ByteArrayMessage of(String subject, String reply, byte[] headers, byte[] payload) {
        byte[] body = new byte[headers.length + payload.length];
        System.arraycopy(headers, 0, body, 0, headers.length);
        System.arraycopy(payload, 0, body, headers.length, payload.length);
        return new ByteArrayMessage(view(subject), view(reply), headers.length, body);
    }

    static SubjectView view(String text) {
        return new SubjectView().wrap(ProtocolText.bytes(text));
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
