package io.natrium.testkit.memory;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a client would receive. Events queue until {@link #flush()}, like the real outbound, so a test can
 * check that the application flushes. An optional limit on queued events makes a slow consumer.
 */
public final class InMemoryOutbound implements ClientOutbound {

    private final List<OutboundEvent> queued = new ArrayList<>();
    private final List<OutboundEvent> received = new ArrayList<>();
    private final int maxQueued;
    private CloseReason closeReason;
    private boolean inputHeld;
    private long deliveredMessages;
    private long deliveredBytes;
    private long pausedNanos;

    public InMemoryOutbound(int maxQueued) {
        this.maxQueued = maxQueued;
    }

    @Override
    public synchronized void sendInfo(ServerInfo info) {
        queue(new OutboundEvent.Info(info));
    }

    @Override
    public synchronized void sendOk() {
        queue(new OutboundEvent.Ok());
    }

    @Override
    public synchronized void sendPing() {
        queue(new OutboundEvent.Ping());
    }

    @Override
    public synchronized void sendPong() {
        queue(new OutboundEvent.Pong());
    }

    @Override
    public synchronized void sendError(String text) {
        queue(new OutboundEvent.Err(text));
    }

    @Override
    public synchronized DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply,
            InboundMessage message, boolean withHeaders) {
        if (closeReason != null) {
            return DeliveryOutcome.DROPPED;
        }
        if (queued.size() >= maxQueued) {
            close(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
            return DeliveryOutcome.DROPPED;
        }
        byte[] body = new byte[message.bodyLength()];
        message.copyBody(0, body, 0, body.length);
        int headerLength = message.headerLength();
        String headers = headerLength > 0 && withHeaders ? text(body, 0, headerLength) : null;
        String payload = text(body, headerLength, body.length - headerLength);
        queue(new OutboundEvent.Msg(subject.toString(), new String(sid, StandardCharsets.UTF_8),
                reply.length() == 0 ? null : reply.toString(), headers, payload));
        deliveredMessages++;
        deliveredBytes += headerLength > 0 && !withHeaders ? body.length - headerLength : body.length;
        return queued.size() * 4 > maxQueued * 3 ? DeliveryOutcome.DELIVERED_SLOW_DOWN : DeliveryOutcome.DELIVERED;
    }

    @Override
    public synchronized void sendNoResponders(SubjectView reply, byte[] sid, SubjectView subject) {
        queue(new OutboundEvent.NoResponders(reply.toString(), new String(sid, StandardCharsets.UTF_8),
                subject.toString()));
    }

    @Override
    public synchronized void flush() {
        received.addAll(queued);
        queued.clear();
    }

    @Override
    public synchronized void close(CloseReason reason) {
        if (closeReason != null) {
            return;
        }
        closeReason = reason;
        if (reason.dropsPendingData()) {
            queued.clear();
        } else {
            flush();
        }
        received.add(new OutboundEvent.Closed(reason));
    }

    @Override
    public synchronized long deliveredMessages() {
        return deliveredMessages;
    }

    @Override
    public synchronized long deliveredBytes() {
        return deliveredBytes;
    }

    @Override
    public synchronized long pendingBytes() {
        return queued.size();
    }

    @Override
    public synchronized void pauseReading(long nanos) {
        pausedNanos += nanos;
    }

    @Override
    public synchronized void holdInput() {
        inputHeld = true;
    }

    @Override
    public synchronized void resumeInput() {
        inputHeld = false;
    }

    /** Whether the session asked to read nothing more for now (it is deciding a CONNECT). */
    public synchronized boolean inputHeld() {
        return inputHeld;
    }

    /** Everything flushed so far, and forgets it. */
    public synchronized List<OutboundEvent> take() {
        List<OutboundEvent> taken = new ArrayList<>(received);
        received.clear();
        return taken;
    }

    public synchronized CloseReason closeReason() {
        return closeReason;
    }

    public synchronized long pausedNanos() {
        return pausedNanos;
    }

    private void queue(OutboundEvent event) {
        if (closeReason == null) {
            queued.add(event);
        }
    }

    private static String text(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
}
