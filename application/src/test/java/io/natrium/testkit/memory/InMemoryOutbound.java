package io.natrium.testkit.memory;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryCount;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records what a client would receive. Events queue until {@link #flush()}, like the real outbound, so a test can
 * check that the application flushes; a flush from any thread sends at once (Netty hands one from another thread to
 * the connection's event loop).
 *
 * <p>What is queued is counted in the bytes it takes on the wire, as {@code NettyClientOutbound} counts it:
 * {@code MSG foo 1 2\r\nhi\r\n} is 17 bytes. A delivery that would take the pending bytes past the limit closes the
 * client as a slow consumer and drops what is pending, and one that takes them past 75% of the limit asks the
 * publisher to slow down, as nats-server does. The one exception is INFO: its JSON is the protocol adapter's
 * encoding, which the application never sees, so an INFO counts only its {@code INFO } and {@code  \r\n} (8 bytes).
 *
 * <p>A close is reported back the way the transport reports a closed channel: through the listener the transport
 * registered ({@link #whenClosed}), once, with the first reason.
 */
public final class InMemoryOutbound implements ClientOutbound {

    /** What an INFO counts: {@code INFO } and {@code  \r\n}, without the JSON between them. */
    static final int INFO_FRAME_BYTES = 8;
    private static final int OK_BYTES = "+OK\r\n".length();
    private static final int PING_BYTES = "PING\r\n".length();
    private static final int PONG_BYTES = "PONG\r\n".length();
    private static final int ERR_FRAME_BYTES = "-ERR ''\r\n".length();
    /** nats-server's no-responders header block without the subject: {@code NATS/1.0 503\r\nNats-Subject: \r\n\r\n}. */
    private static final int NO_RESPONDERS_FIXED_HEADER = 32;

    private final List<OutboundEvent> queued = new ArrayList<>();
    private final List<OutboundEvent> received = new ArrayList<>();
    private final long maxPendingBytes;
    private long pendingBytes;
    private CloseReason closeReason;
    private boolean gone;
    private Consumer<CloseReason> closeListener = reason -> { };
    private boolean inputHeld;
    private long deliveredMessages;
    private long deliveredBytes;
    private long pausedNanos;

    /** An outbound that may hold {@code maxPendingBytes} unflushed bytes (nats-server's {@code max_pending}). */
    public InMemoryOutbound(long maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
    }

    /** An outbound without a limit. */
    public InMemoryOutbound() {
        this(Long.MAX_VALUE);
    }

    /**
     * Where the first close goes: the transport reports it to the session, as Netty's channel reports its close to
     * the protocol handler. Called outside this outbound's lock, on the thread that closed.
     */
    public synchronized void whenClosed(Consumer<CloseReason> listener) {
        this.closeListener = listener;
    }

    @Override
    public synchronized void sendInfo(ServerInfo info) {
        queue(new OutboundEvent.Info(info), INFO_FRAME_BYTES);
    }

    @Override
    public synchronized void sendOk() {
        queue(new OutboundEvent.Ok(), OK_BYTES);
    }

    @Override
    public synchronized void sendPing() {
        queue(new OutboundEvent.Ping(), PING_BYTES);
    }

    @Override
    public synchronized void sendPong() {
        queue(new OutboundEvent.Pong(), PONG_BYTES);
    }

    @Override
    public synchronized void sendError(String text) {
        queue(new OutboundEvent.Err(text), ERR_FRAME_BYTES + utf8Length(text));
    }

    @Override
    public DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
            boolean withHeaders, DeliveryCount count) {
        CloseReason cut;
        synchronized (this) {
            if (closing()) {
                return DeliveryOutcome.DROPPED;
            }
            long limit = count.limit();
            if (count.countOne() > limit && limit > 0) {
                return DeliveryOutcome.OVER_LIMIT;
            }
            int headerLength = message.headerLength();
            boolean headerFrame = headerLength > 0 && withHeaders;
            int skip = headerLength > 0 && !withHeaders ? headerLength : 0;
            int bodyLength = message.bodyLength() - skip;
            long size = frameBytes(headerFrame, subject.length(), sid.length, reply.length(),
                    headerFrame ? headerLength : -1, bodyLength);
            long held = pendingBytes + size;
            if (held <= maxPendingBytes) {
                byte[] body = new byte[message.bodyLength()];
                message.copyBody(0, body, 0, body.length);
                String headers = headerFrame ? text(body, 0, headerLength) : null;
                String payload = text(body, headerLength, body.length - headerLength);
                queue(new OutboundEvent.Msg(subject.toString(), new String(sid, StandardCharsets.UTF_8),
                        reply.length() == 0 ? null : reply.toString(), headers, payload), size);
                deliveredMessages++;
                deliveredBytes += bodyLength;
                return held > maxPendingBytes / 4 * 3 ? DeliveryOutcome.DELIVERED_SLOW_DOWN : DeliveryOutcome.DELIVERED;
            }
            cut = startClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
        }
        report(cut);
        return DeliveryOutcome.DROPPED;
    }

    @Override
    public synchronized void sendNoResponders(SubjectView reply, byte[] sid, SubjectView subject) {
        int headerLength = NO_RESPONDERS_FIXED_HEADER + subject.length();
        queue(new OutboundEvent.NoResponders(reply.toString(), new String(sid, StandardCharsets.UTF_8),
                subject.toString()), frameBytes(true, reply.length(), sid.length, 0, headerLength, headerLength));
    }

    @Override
    public synchronized void flush() {
        received.addAll(queued);
        queued.clear();
        pendingBytes = 0;
    }

    @Override
    public void close(CloseReason reason) {
        CloseReason first;
        synchronized (this) {
            first = startClosing(reason);
        }
        report(first);
    }

    /**
     * The client closed its end (or the network dropped it): nothing more is sent and what is pending is dropped.
     * Returns {@link CloseReason#CLIENT_CLOSED} for the transport to report when this is the first close; null when
     * the server had started closing, whose close is reported through {@link #whenClosed} already.
     */
    public synchronized CloseReason peerClosed() {
        boolean first = !closing();
        gone = true;
        queued.clear();
        pendingBytes = 0;
        return first ? CloseReason.CLIENT_CLOSED : null;
    }

    @Override
    public synchronized long deliveredMessages() {
        return deliveredMessages;
    }

    @Override
    public synchronized long deliveredBytes() {
        return deliveredBytes;
    }

    /** The bytes queued and not yet flushed, counted as on the wire (an INFO without its JSON). */
    @Override
    public synchronized long pendingBytes() {
        return pendingBytes;
    }

    /** The operations queued and not yet flushed. */
    public synchronized int pendingEvents() {
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

    /** The first reason given for closing, or null. */
    public synchronized CloseReason closeReason() {
        return closeReason;
    }

    public synchronized long pausedNanos() {
        return pausedNanos;
    }

    /**
     * The bytes of one MSG ({@code headerLength} negative) or HMSG: {@code MSG <subject> <sid> [reply ]<size>\r\n},
     * the body and {@code \r\n}; an HMSG names both sizes, {@code HMSG <subject> <sid> [reply ]<hdr> <total>\r\n}.
     */
    static long frameBytes(boolean headerFrame, int subject, int sid, int reply, int headerLength, int bodyLength) {
        long line = (headerFrame ? "HMSG ".length() : "MSG ".length()) + subject + 1 + sid + 1
                + (reply > 0 ? reply + 1 : 0) + (headerFrame ? digits(headerLength) + 1 : 0) + digits(bodyLength) + 2;
        return line + bodyLength + 2;
    }

    private boolean closing() {
        return closeReason != null || gone;
    }

    /** Records the first reason and flushes or drops what is pending; null when closing already. Holds the lock. */
    private CloseReason startClosing(CloseReason reason) {
        if (closing()) {
            return null;
        }
        closeReason = reason;
        if (reason.dropsPendingData()) {
            queued.clear();
            pendingBytes = 0;
        } else {
            flush();
        }
        received.add(new OutboundEvent.Closed(reason));
        return reason;
    }

    /** Hands a close that just started to the transport, outside the lock. */
    private void report(CloseReason reason) {
        if (reason != null) {
            Consumer<CloseReason> listener;
            synchronized (this) {
                listener = closeListener;
            }
            listener.accept(reason);
        }
    }

    private void queue(OutboundEvent event, long bytes) {
        if (!closing()) {
            queued.add(event);
            pendingBytes += bytes;
        }
    }

    private static int digits(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String text(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
}
