package io.natrium.adapter.protocol;

import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.netty.buffer.ByteBuf;

/**
 * The wire format of what {@link NettyClientOutbound} queues for one client: NATS's MSG/HMSG and protocol lines
 * ({@link FrameWriter}), or another protocol bridged onto NATS (MQTT's PUBLISH), which does not speak NATS's INFO,
 * {@code +OK}, PING, PONG or {@code -ERR} and answers the session's errors in its own way, if at all. One per
 * outbound, used under the outbound's lock; at most two implementations so the delivery call stays bimorphic.
 */
@HotPath
public interface DeliveryWriter {

    /** Whether the client takes NATS's own protocol lines; when false they are not written. */
    boolean speaksNats();

    /** The body bytes the client receives of {@code message}, which the outbound counts as delivered. */
    int bodyLength(InboundMessage message, boolean withHeaders);

    /** At least the bytes {@link #writeMessage} writes for the message. */
    int messageSize(SubjectView subject, byte[] sid, SubjectView reply, int bodyLength);

    /**
     * Writes one delivery into {@code out} (or nothing, when the format has to drop it) and returns its trace lines
     * when tracing is on, else null. A frame that fails half-way is taken back and the failure rethrown.
     */
    String[] writeMessage(ByteBuf out, ProtocolTracer trace, SubjectView subject, byte[] sid, SubjectView reply,
            InboundMessage message, boolean withHeaders);

    /**
     * For a client that does not speak NATS: what, if anything, answers an error the session reports with
     * {@code -ERR} to NATS clients; null for nothing. On the session's thread.
     */
    byte[] errorFrame(String text);

    /**
     * For a client that does not speak NATS: the operation the protocol trace shows for an error the session
     * reports, as nats-server traces it ({@code -ERR <text>}, though not sent).
     */
    default String errorTrace(String text) {
        return "-ERR " + text;
    }
}
