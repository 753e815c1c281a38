package io.natrium.adapter.protocol;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.DeliveryCount;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one client's outbound decides under its one lock: appending to the pending buffer (one copy per
 * subscriber, as nats-server does), admitting a delivery against {@code max_pending} and the server-wide budget,
 * counting what was delivered, taking the buffer for a write, and the first half of every close. Guarded by the lock:
 * {@link PendingBuffer} (the buffer and the bytes held), the {@link DeliveryWriter} (the wire format of a delivery)
 * and {@link PendingCredit} (how much the client may hold). What must not happen under the lock happens after it is
 * released, in the same method: the second half of a close ({@link OutboundClose#finish}), the log line of a cut for
 * lack of memory, and the protocol trace, since logging takes locks of its own.
 *
 * <p>Apart from {@link NettyClientOutbound}, which is the port (what each operation sends) and the event loop's side
 * (scheduling the flush, the write deadline, the input), so that the lock's whole extent is this one class.
 */
@HotPath
final class OutboundQueue {

    /** Logged under the outbound's name, as before this class was cut out of it. */
    private static final Logger LOG = LoggerFactory.getLogger(NettyClientOutbound.class);
    /** Room made for an INFO before it is written: most fit, a longer one (many connect URLs) grows the buffer. */
    private static final int INFO_ROOM = 1024;

    private final Object lock = new Object();
    private final Channel channel;
    private final PendingBudget budget;
    private final OutboundClose closer;
    /** Guarded by {@link #lock}, as are the frame writer's scratch and the credit. */
    private final PendingBuffer pending;
    private final DeliveryWriter frames;
    private final PendingCredit credit;

    /**
     * Guarded by {@link #lock}: what was delivered, counted where the publisher already holds the lock rather than
     * in shared atomics (design §5); the bytes are those the client receives (headers cut off when it takes none).
     */
    private long deliveredMessages;
    private long deliveredBytes;
    /** The client whose log prefix the traces carry; written before {@link #tracer}, which publishes it. */
    private Object client;
    private volatile ProtocolTracer tracer = ProtocolTracer.OFF;

    OutboundQueue(Channel channel, OutboundLimits limits, DeliveryWriter frames, OutboundClose closer) {
        this.channel = channel;
        this.budget = limits.budget();
        this.closer = closer;
        this.frames = frames;
        this.pending = new PendingBuffer(channel);
        this.credit = new PendingCredit(limits.maxPending(), budget);
    }

    /** Traces what is sent from now on to {@code tracer}, with {@code client}'s log prefix, when it is on. */
    void traceAs(Object client, ProtocolTracer tracer) {
        this.client = client;
        this.tracer = tracer;
    }

    /** INFO written straight into the pending buffer, allocating nothing. */
    void appendInfo(ServerInfo info) {
        synchronized (lock) {
            if (closer.closing()) {
                return;
            }
            ByteBuf out = room(INFO_ROOM);
            if (out != null && writeInfo(out, info)) {
                return;
            }
        }
        finishCutForMemory();
    }

    /** False when the buffer could not grow for the INFO: this client has then started closing. */
    private boolean writeInfo(ByteBuf out, ServerInfo info) {
        try {
            out.writeBytes(WireFormat.INFO_START);
            InfoJson.encode(info, out);
            out.writeBytes(WireFormat.INFO_END);
            return true;
        } catch (OutOfMemoryError noDirectMemory) {
            startClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
            return false;
        }
    }

    /** A protocol line of the server's own ({@code +OK}, {@code PING}, ...), traced as {@code operation}. */
    void appendLine(byte[] line, String operation) {
        ProtocolTracer trace = tracer;
        if (trace.enabled()) {
            ProtocolTrace.outbound(trace, client, operation);
        }
        append(line, WireFormat.NOTHING, WireFormat.NOTHING);
    }

    /** Traces {@code operation} as sent, when tracing is on, without sending anything. */
    void traceOut(String operation) {
        ProtocolTracer trace = tracer;
        if (trace.enabled()) {
            ProtocolTrace.outbound(trace, client, operation);
        }
    }

    void appendError(String text) {
        ProtocolTracer trace = tracer;
        if (trace.enabled()) {
            ProtocolTrace.outbound(trace, client, "-ERR " + text);
        }
        append(WireFormat.ERR_START, text.getBytes(StandardCharsets.UTF_8), WireFormat.ERR_END);
    }

    /** Appends {@code start}, {@code text} and {@code end}, untraced. */
    void append(byte[] start, byte[] text, byte[] end) {
        synchronized (lock) {
            if (closer.closing()) {
                return;
            }
            ByteBuf out = room(start.length + text.length + end.length);
            if (out != null) {
                out.writeBytes(start).writeBytes(text).writeBytes(end);
                return;
            }
        }
        finishCutForMemory();
    }

    /** Not traced: nats-server queues its no-responders answer without a trace. */
    void appendNoResponders(SubjectView reply, byte[] sid, SubjectView subject) {
        synchronized (lock) {
            if (closer.closing()) {
                return;
            }
            ByteBuf out = room(FrameWriter.noRespondersSize(reply, sid, subject));
            if (out != null) {
                FrameWriter.writeNoResponders(out, reply, sid, subject);
                return;
            }
        }
        finishCutForMemory();
    }

    /**
     * Appends one MSG or HMSG unless this client must be cut as a slow consumer. Null, having appended nothing,
     * when the budget has no credit for it and this is not the {@code lastTry}; on the last try, that makes this
     * client a slow consumer too. The message is counted on {@code count} at the first try (null on the last).
     */
    DeliveryOutcome tryDeliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
            boolean withHeaders, DeliveryCount count, boolean lastTry) {
        int bodyLength = frames.bodyLength(message, withHeaders);
        int size = frames.messageSize(subject, sid, reply, bodyLength);
        ProtocolTracer trace = tracer;
        String[] traced = null;
        DeliveryOutcome outcome = DeliveryOutcome.DROPPED;
        boolean cut = false;
        boolean noMemory = false;
        synchronized (lock) {
            if (closer.closing()) {
                return DeliveryOutcome.DROPPED;
            }
            if (count != null) {
                long limit = count.limit();
                if (count.countOne() > limit && limit > 0) {
                    return DeliveryOutcome.OVER_LIMIT;
                }
            }
            long held = pending.heldBytes() + size;
            PendingCredit.Admission admission = credit.admit(held, lastTry);
            if (admission == PendingCredit.Admission.NO_CREDIT) {
                return null;
            }
            ByteBuf out = admission == PendingCredit.Admission.FITS ? room(size) : null;
            if (out != null) {
                traced = frames.writeMessage(out, trace, subject, sid, reply, message, withHeaders);
                deliveredMessages++;
                deliveredBytes += bodyLength;
                outcome = credit.asksToSlowDown(held) ? DeliveryOutcome.DELIVERED_SLOW_DOWN
                        : DeliveryOutcome.DELIVERED;
            } else if (admission == PendingCredit.Admission.FITS) {
                // room() found no memory and started the cut.
                noMemory = true;
            } else {
                cut = startClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
            }
        }
        if (noMemory) {
            finishCutForMemory();
        } else if (cut) {
            closer.finish(CloseReason.SLOW_CONSUMER_PENDING_BYTES, null);
        }
        if (traced != null) {
            // Written to the log outside the lock: logging takes locks of its own.
            ProtocolTrace.write(trace, client, traced);
        }
        return outcome;
    }

    /** On the event loop: hands the pending buffer to the channel, then gives back the credit the socket freed. */
    void write() {
        ByteBuf out;
        boolean charged;
        synchronized (lock) {
            out = pending.take();
            charged = credit.charged();
        }
        if (out != null) {
            channel.writeAndFlush(out, channel.voidPromise());
        }
        if (charged) {
            // What the socket took during the write is no longer held: its credit goes back to the budget.
            settleCredit();
        }
    }

    void close(CloseReason reason) {
        ByteBuf last;
        synchronized (lock) {
            if (!startClosing(reason)) {
                return;
            }
            last = reason.dropsPendingData() ? null : pending.take();
        }
        closer.finish(reason, last);
    }

    /** The channel is gone: releases what is still queued, and the credit it held. */
    void channelGone() {
        synchronized (lock) {
            closer.channelGone();
            pending.release();
            credit.releaseAll();
        }
    }

    long deliveredMessages() {
        synchronized (lock) {
            return deliveredMessages;
        }
    }

    long deliveredBytes() {
        synchronized (lock) {
            return deliveredBytes;
        }
    }

    long pendingBytes() {
        synchronized (lock) {
            return pending.heldBytes();
        }
    }

    /** Gives back the credit above what this client holds now; returns what it holds. From any thread. */
    long settleCredit() {
        synchronized (lock) {
            long held = pending.heldBytes();
            credit.settle(held);
            return held;
        }
    }

    /** Cuts this client as a slow consumer for the budget's sake; false when it was closing already. */
    boolean cutForMemory() {
        boolean cut;
        synchronized (lock) {
            cut = !closer.closing() && startClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
        }
        if (cut) {
            closer.finish(CloseReason.SLOW_CONSUMER_PENDING_BYTES, null);
        }
        return cut;
    }

    /**
     * The pending buffer with room for {@code size} more bytes; null when there is no memory for them, and then this
     * client has started closing as a slow consumer: the caller finishes with {@link #finishCutForMemory} once it has
     * released the lock. Caller holds the lock.
     */
    private ByteBuf room(int size) {
        try {
            return pending.room(size);
        } catch (OutOfMemoryError noDirectMemory) {
            // Netty's OutOfDirectMemoryError, or the JDK's "Cannot reserve ... bytes of direct buffer memory": the
            // client that cannot take more is the one to cut, not the thread that happened to append.
            startClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
            return null;
        }
    }

    /** The rest of a cut for lack of memory, outside the lock. */
    private void finishCutForMemory() {
        LOG.warn("{} - no direct memory left for the data pending to this client; pending data of all clients: "
                + "{} bytes over their free allowance, limit {}", client == null ? channel : client,
                budget.charged(), budget.limit());
        closer.finish(CloseReason.SLOW_CONSUMER_PENDING_BYTES, null);
    }

    /**
     * The first part of a close, under the lock: records the reason and stops all queueing; drops what is pending
     * when the reason says so. False when the connection was closing already. The caller finishes with
     * {@link OutboundClose#finish} once it has released the lock.
     */
    private boolean startClosing(CloseReason reason) {
        if (!closer.start(reason)) {
            return false;
        }
        if (reason.dropsPendingData()) {
            pending.release();
            // What is still in the channel is released when the channel closes, a moment later.
            credit.releaseAll();
        }
        return true;
    }
}
