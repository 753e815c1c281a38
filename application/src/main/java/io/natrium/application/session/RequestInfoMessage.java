package io.natrium.application.session;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;

/**
 * A request as it arrives through a service import: nats-server adds a {@code Nats-Request-Info} header saying which
 * account asked and the requester's round-trip time, so that the service can tell its importers apart. Copies the
 * body, which only requests crossing accounts pay for.
 */
final class RequestInfoMessage implements InboundMessage {

    private static final byte[] STATUS_LINE = "NATS/1.0\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int BLANK_LINE = 2;

    private final SubjectView subject;
    private final SubjectView reply;
    private final byte[] body;
    private final int headerLength;

    private RequestInfoMessage(SubjectView subject, SubjectView reply, byte[] body, int headerLength) {
        this.subject = subject;
        this.reply = reply;
        this.body = body;
        this.headerLength = headerLength;
    }

    /** The request with the header added to its header block (one is made when it has none). */
    static RequestInfoMessage of(InboundMessage request, SubjectView subject, SubjectView reply, String account,
            long rttNanos) {
        byte[] field = ("Nats-Request-Info: {\"acc\":" + jsonString(account) + ",\"rtt\":" + rttNanos + "}\r\n")
                .getBytes(StandardCharsets.UTF_8);
        int oldHeader = request.headerLength();
        // An existing header block ends with a blank line; the new field goes before it.
        int kept = oldHeader == 0 ? 0 : oldHeader - BLANK_LINE;
        byte[] head = oldHeader == 0 ? STATUS_LINE : new byte[0];
        int newHeader = head.length + kept + field.length + BLANK_LINE;
        int payload = request.bodyLength() - oldHeader;
        byte[] body = new byte[newHeader + payload];
        System.arraycopy(head, 0, body, 0, head.length);
        request.copyBody(0, body, head.length, kept);
        System.arraycopy(field, 0, body, head.length + kept, field.length);
        body[newHeader - 2] = '\r';
        body[newHeader - 1] = '\n';
        request.copyBody(oldHeader, body, newHeader, payload);
        return new RequestInfoMessage(subject, reply, body, newHeader);
    }

    /** A JSON string as Go's encoder writes it, which also escapes the HTML characters. */
    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
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
