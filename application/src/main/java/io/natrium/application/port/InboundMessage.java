package io.natrium.application.port;

import io.natrium.domain.subject.SubjectView;

/**
 * A published message as the transport parsed it: a flyweight that is valid only for the duration of the call it is
 * passed to and must never be kept. The body is the header block (if any) followed by the payload, without the
 * trailing CRLF.
 */
public interface InboundMessage {

    /** The subject published to. */
    SubjectView subject();

    /** The reply subject; empty (length 0) when there is none. */
    SubjectView reply();

    /** The length of the header block at the start of the body, 0 when the message has no headers. */
    int headerLength();

    /** The length of the body: headers plus payload. */
    int bodyLength();

    /** Copies {@code length} bytes of the body, starting at {@code offset}, into {@code target}. */
    void copyBody(int offset, byte[] target, int targetOffset, int length);

    /**
     * True when the message's empty reply is still a field of its MSG line ({@code MSG <subject> <sid>  <size>}):
     * nats-server's internal send loop hands an empty but present reply to its {@code msgHeader}, which writes its
     * separator, so what the server's own clients publish without a reply reaches subscribers so.
     */
    default boolean writesEmptyReply() {
        return false;
    }
}
