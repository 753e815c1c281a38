package io.natrium.application.port.out;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.domain.subject.SubjectView;

/**
 * What goes out to one client. Everything is queued in the connection's pending buffer and leaves on
 * {@link #flush()}; the delivery methods may be called from any thread (other connections publish to this one).
 * Implementations keep at most two production classes so the JIT can inline the calls.
 */
public interface ClientOutbound {

    void sendInfo(ServerInfo info);

    void sendOk();

    void sendPing();

    void sendPong();

    /** {@code -ERR '<text>'}. */
    void sendError(String text);

    /**
     * Queues one MSG (or HMSG when {@code withHeaders} and the message has headers) for this client, counted on
     * {@code count} under the same lock: past the count's limit nothing is queued ({@link DeliveryOutcome#OVER_LIMIT}).
     *
     * @param subject the subject the client sees
     * @param sid     the subscription id exactly as the client wrote it
     * @param reply   the reply subject, empty for none
     */
    DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
            boolean withHeaders, DeliveryCount count);

    /** {@link #deliver(SubjectView, byte[], SubjectView, InboundMessage, boolean, DeliveryCount)}, uncounted. */
    default DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
            boolean withHeaders) {
        return deliver(subject, sid, reply, message, withHeaders, DeliveryCount.UNCOUNTED);
    }

    /** Queues nats-server's 503 no-responders HMSG for a request nobody could answer. */
    void sendNoResponders(SubjectView reply, byte[] sid, SubjectView subject);

    /** Sends what is queued; from any thread. */
    void flush();

    /**
     * Closes the connection, first flushing what is queued unless the reason drops it. Idempotent: the first reason
     * is the one reported back through {@code ClientSession.transportClosed}.
     */
    void close(CloseReason reason);

    /** MSG and HMSG queued for this client by {@link #deliver} so far; from any thread. */
    long deliveredMessages();

    /** The payload bytes (with headers when the client takes them) of those messages; from any thread. */
    long deliveredBytes();

    /** Bytes queued for this client and not yet written to its socket. */
    long pendingBytes();

    /** Stops reading from this client for a while: the fast-producer stall. */
    void pauseReading(long nanos);

    /** Stops reading from this client until {@link #resumeInput()}: its CONNECT is being decided. Own thread only. */
    void holdInput();

    /** Reads again, first passing the session what arrived while input was held; from any thread. */
    void resumeInput();
}
