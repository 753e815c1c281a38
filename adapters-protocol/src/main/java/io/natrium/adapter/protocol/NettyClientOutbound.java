package io.natrium.adapter.protocol;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryCount;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's outbound side. Publishers on any event loop append MSG lines and bodies to the pooled pending buffers
 * ({@link PendingBuffer}) under a short lock (one copy per subscriber, as nats-server does); {@link #flush()} hands
 * them to the channel on the channel's own event loop, directly when called there and otherwise through one
 * preallocated task that is scheduled at most once at a time. Slow consumers are detected here: by queued bytes at every append, and by a
 * socket that stays unwritable for longer than the write deadline. Work handed to the event loop from another
 * thread is handed over outside the lock, and a stopped event loop (shutdown) makes it a no-op, never an exception
 * in the caller's pipeline.
 *
 * <p>What a client holds also counts against the server-wide {@link PendingBudget}: a client that falls behind takes
 * credit from it in steps; when there is none left, the clients holding the most are cut as slow consumers, never
 * the publisher that is appending. Should an allocation fail all the same, the client it was for is cut as a slow
 * consumer and the caller sees a dropped delivery, not an error.
 *
 * <p>With protocol tracing on, what is queued is traced as nats-server traces it ({@code ->> [MSG foo 1 5]} and the
 * payload), under the client's own log prefix; with it off, each operation costs one boolean test.
 *
 * <p>This class holds the lock and decides; its parts each do one thing. Guarded by the lock: {@link PendingBuffer}
 * (the buffer and the bytes held), {@link FrameWriter} (the wire format of a delivery) and {@link PendingCredit} (how
 * much the client may hold: {@code max_pending}, the slow-down point, its credit in the budget). Never under the
 * lock: {@link OutboundClose} (the close's reason, and the hand-offs to the event loop). On the event loop:
 * {@link WriteDeadline} (a socket that stays blocked) and {@link InputGate} (pausing and holding the client's input).
 * Its length is what must be decided under the one lock, kept in one class so that the lock's extent can be read.
 */
@HotPath
public final class NettyClientOutbound implements ClientOutbound {

    private static final Logger LOG = LoggerFactory.getLogger(NettyClientOutbound.class);
    private static final byte[] NOTHING = new byte[0];
    /** Room made for an INFO before it is written: most fit, a longer one (many connect URLs) grows the buffer. */
    private static final int INFO_ROOM = 1024;

    private final Channel channel;
    private final EventLoop eventLoop;
    private final PendingBudget budget;
    private final Object lock = new Object();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flushNow;
    private final OutboundClose closer;
    /** Guarded by {@link #lock}, as are the frame writer's scratch and the credit. */
    private final PendingBuffer pending;
    private final DeliveryWriter frames;
    /** Whether the client takes NATS's own protocol lines (INFO, +OK, PING, PONG, -ERR). */
    private final boolean speaksNats;
    private final PendingCredit credit;
    /** Event-loop confined, as is the input gate. */
    private final WriteDeadline writeDeadline;
    private final InputGate input;

    /**
     * Guarded by {@link #lock}: what was delivered, counted where the publisher already holds the lock rather than
     * in shared atomics (design §5); the bytes are those the client receives (headers cut off when it takes none).
     */
    private long deliveredMessages;
    private long deliveredBytes;
    /** The client whose log prefix the traces carry; written before {@link #tracer}, which publishes it. */
    private Object client;
    private volatile ProtocolTracer tracer = ProtocolTracer.OFF;

    public NettyClientOutbound(Channel channel, OutboundLimits limits) {
        this(channel, limits, new FrameWriter());
    }

    /** An outbound whose deliveries {@code frames} writes: MQTT's PUBLISH rather than NATS's MSG. */
    public NettyClientOutbound(Channel channel, OutboundLimits limits, DeliveryWriter frames) {
        this.frames = frames;
        this.speaksNats = frames.speaksNats();
        this.channel = channel;
        this.eventLoop = channel.eventLoop();
        this.budget = limits.budget();
        this.pending = new PendingBuffer(channel);
        this.credit = new PendingCredit(limits.maxPending(), budget);
        this.writeDeadline = new WriteDeadline(channel, limits,
                () -> close(CloseReason.SLOW_CONSUMER_WRITE_DEADLINE));
        this.input = new InputGate(channel);
        this.closer = new OutboundClose(channel, limits);
        // Last: the budget may call this outbound from another thread as soon as it is registered.
        budget.register(this);
    }

    /** Traces what is sent from now on to {@code tracer}, with {@code client}'s log prefix, when it is on. */
    void traceAs(Object client, ProtocolTracer tracer) {
        this.client = client;
        this.tracer = tracer;
    }

    @Override
    public void sendInfo(ServerInfo info) {
        if (!speaksNats) {
            return;
        }
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

    /** INFO written straight into the pending buffer (allocating nothing); false when it could not grow for it. */
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

    @Override
    public void sendOk() {
        append(WireFormat.OK, "OK");
    }

    @Override
    public void sendPing() {
        append(WireFormat.PING, "PING");
    }

    @Override
    public void sendPong() {
        append(WireFormat.PONG, "PONG");
    }

    @Override
    public void sendError(String text) {
        if (!speaksNats) {
            byte[] answer = frames.errorFrame(text);
            if (answer != null) {
                append(answer, NOTHING, NOTHING);
            }
            return;
        }
        ProtocolTracer trace = tracer;
        if (trace.enabled()) {
            ProtocolTrace.outbound(trace, client, "-ERR " + text);
        }
        append(WireFormat.ERR_START, text.getBytes(StandardCharsets.UTF_8), WireFormat.ERR_END);
    }

    @Override
    public DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
            boolean withHeaders, DeliveryCount count) {
        DeliveryOutcome outcome = tryDeliver(subject, sid, reply, message, withHeaders, count, false);
        if (outcome == null) {
            // The budget has no credit left: make room (cutting whoever holds the most), outside this lock.
            budget.relieve(PendingBudget.STEP + message.bodyLength());
            outcome = tryDeliver(subject, sid, reply, message, withHeaders, null, true);
        }
        return outcome;
    }

    /**
     * Appends one MSG or HMSG unless this client must be cut as a slow consumer. Null, having appended nothing,
     * when the budget has no credit for it and this is not the {@code lastTry}; on the last try, that makes this
     * client a slow consumer too. The message is counted on {@code count} at the first try (null on the last).
     */
    private DeliveryOutcome tryDeliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
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

    /** Not traced: nats-server queues its no-responders answer without a trace. */
    @Override
    public void sendNoResponders(SubjectView reply, byte[] sid, SubjectView subject) {
        if (!speaksNats) {
            return;
        }
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

    @Override
    public void flush() {
        if (eventLoop.inEventLoop()) {
            flushNow();
        } else if (flushScheduled.compareAndSet(false, true)) {
            // Stopped at shutdown: the channel is closed with it and what is pending released then.
            closer.handOff(flushTask);
        }
    }

    @Override
    public void close(CloseReason reason) {
        ByteBuf last;
        synchronized (lock) {
            if (!startClosing(reason)) {
                return;
            }
            last = reason.dropsPendingData() ? null : pending.take();
        }
        closer.finish(reason, last);
    }

    @Override
    public long deliveredMessages() {
        synchronized (lock) {
            return deliveredMessages;
        }
    }

    @Override
    public long deliveredBytes() {
        synchronized (lock) {
            return deliveredBytes;
        }
    }

    @Override
    public long pendingBytes() {
        synchronized (lock) {
            return pending.heldBytes();
        }
    }

    @Override
    public void pauseReading(long nanos) {
        input.pause(nanos);
    }

    /** The first reason anybody gave for closing, or null when the peer went away by itself. */
    public CloseReason closeReason() {
        return closer.reason();
    }

    /** The channel is gone: release what is still queued, and the credit it held. */
    public void channelClosed() {
        synchronized (lock) {
            closer.channelGone();
            pending.release();
            credit.releaseAll();
        }
        budget.unregister(this);
        writeDeadline.stop();
    }

    /** Called on the event loop when the channel's writability changes: starts or stops the write-deadline clock. */
    public void writabilityChanged() {
        if (channel.isWritable()) {
            writeDeadline.socketDrained();
            // The socket took what had piled up: give back the credit for it.
            settleCredit();
            return;
        }
        writeDeadline.socketBlocked();
    }

    /**
     * Queues a frame of the client's own protocol (an MQTT acknowledgement), in order with the deliveries; sent at
     * the next {@link #flush()}.
     */
    public void sendFrame(byte[] frame) {
        append(frame, NOTHING, NOTHING);
    }

    private void append(byte[] bytes, String operation) {
        if (!speaksNats) {
            return;
        }
        ProtocolTracer trace = tracer;
        if (trace.enabled()) {
            ProtocolTrace.outbound(trace, client, operation);
        }
        append(bytes, NOTHING, NOTHING);
    }

    /** Appends {@code start}, {@code text} and {@code end}: a protocol line of the server's own. */
    private void append(byte[] start, byte[] text, byte[] end) {
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

    /** Gives back the credit above what this client holds now; returns what it holds. From any thread. */
    long settleCredit() {
        synchronized (lock) {
            long held = pending.heldBytes();
            credit.settle(held);
            return held;
        }
    }

    /**
     * Cuts this client as a slow consumer for the budget's sake; false when it was closing already. Called by the
     * budget, holding no outbound lock.
     */
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

    /** Runs on the event loop: hands the pending buffer to the channel. */
    private void flushNow() {
        flushScheduled.set(false);
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
        // As nats-server checks its deadline at each write.
        writeDeadline.checkAtWrite();
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

    /** Never reads from the client again: the session has closed. On the event loop. */
    void stopReading() {
        input.stop();
    }

    /**
     * Ends the connection with a reset rather than an orderly close: the client sent bytes the server will never
     * read, which would have made the operating system reset it had they still been in the socket.
     */
    void resetOnClose() {
        closer.resetOnClose();
    }

    /** How the handler passes the session what arrived while input was held; set before the session can hold it. */
    public void whenInputResumes(Runnable decodeHeldInput) {
        input.whenResumed(decodeHeldInput);
    }

    @Override
    public void holdInput() {
        input.hold();
    }

    @Override
    public void resumeInput() {
        input.resume();
    }
}
