package io.natrium.adapter.protocol;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's outbound side. Publishers on any event loop append MSG lines and bodies to one pooled pending buffer
 * under a short lock (one copy per subscriber, as nats-server does); {@link #flush()} hands the buffer to the channel
 * on the channel's own event loop, directly when called there and otherwise through one preallocated task that is
 * scheduled at most once at a time. Slow consumers are detected here: by queued bytes at every append, and by a
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
 */
@HotPath
public final class NettyClientOutbound implements ClientOutbound {

    private static final Logger LOG = LoggerFactory.getLogger(NettyClientOutbound.class);
    private static final int INITIAL_BUFFER = 512;
    private static final int COPY_CHUNK = 8192;

    private final Channel channel;
    private final EventLoop eventLoop;
    /** The event loop's clock, so that the write deadline follows it (tests freeze and advance it). */
    private final Ticker ticker;
    private final long maxPending;
    /** Past this many bytes held, publishers are asked to slow down: 75% of what the client may hold. */
    private final long slowDownAt;
    private final OutboundLimits limits;
    private final PendingBudget budget;
    private final Object lock = new Object();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicReference<CloseReason> closeReason = new AtomicReference<>();
    private final Runnable flushTask = this::flushNow;
    private final Runnable deadlineCheck = this::checkWriteDeadline;
    private final Runnable resumeReading = this::resumeReading;
    private final Runnable forceClose = this::forceClose;

    /** Guarded by {@link #lock}. */
    private ByteBuf pending;
    /**
     * Guarded by {@link #lock}: what was delivered, counted where the publisher already holds the lock rather than
     * in shared atomics (design §5); the bytes are those the client receives (headers cut off when it takes none).
     */
    private long deliveredMessages;
    private long deliveredBytes;
    /** Guarded by {@link #lock}: a copy buffer for bodies that are not in a Netty buffer. */
    private byte[] copyScratch;
    /**
     * Guarded by {@link #lock}: the bytes this client may hold (pending and in the channel) before it asks the
     * budget for more; what is above {@link PendingBudget#FREE_PER_CLIENT} is taken from the budget.
     */
    private long credit = PendingBudget.FREE_PER_CLIENT;
    private volatile boolean closing;
    /**
     * Event-loop confined: the one write-deadline check that is due, or null. It is not cancelled when the socket
     * drains again: it then finds the socket writable and ends, so a socket flipping at its water marks costs no
     * timer per flip.
     */
    private ScheduledFuture<?> deadline;
    /** Event-loop confined: when the socket last stopped taking writes ({@link #ticker} time), -1 while it takes them. */
    private long unwritableSince = -1;
    private boolean readingPaused;
    /** Event-loop confined: the session is deciding a CONNECT and reads nothing until it resumes input. */
    private boolean inputHeld;
    private Runnable decodeHeldInput = () -> { };
    /** The client whose log prefix the traces carry; written before {@link #tracer}, which publishes it. */
    private Object client;
    private volatile ProtocolTracer tracer = ProtocolTracer.OFF;

    public NettyClientOutbound(Channel channel, OutboundLimits limits) {
        this.channel = channel;
        this.eventLoop = channel.eventLoop();
        this.ticker = eventLoop instanceof AbstractScheduledEventExecutor scheduled ? scheduled.ticker()
                : Ticker.systemTicker();
        this.maxPending = limits.maxPending();
        this.budget = limits.budget();
        this.slowDownAt = Math.min(maxPending, budget.limit()) / 4 * 3;
        this.limits = limits;
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
        byte[] json = InfoJson.encode(info);
        synchronized (lock) {
            if (closing) {
                return;
            }
            ByteBuf out = room(json.length + WireFormat.INFO_START.length + WireFormat.INFO_END.length);
            if (out != null) {
                out.writeBytes(WireFormat.INFO_START).writeBytes(json).writeBytes(WireFormat.INFO_END);
                return;
            }
        }
        finishCutForMemory();
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
        ProtocolTracer trace = tracer;
        if (trace.enabled()) {
            ProtocolTrace.outbound(trace, client, "-ERR " + text);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (closing) {
                return;
            }
            ByteBuf out = room(bytes.length + WireFormat.ERR_START.length + WireFormat.ERR_END.length);
            if (out != null) {
                out.writeBytes(WireFormat.ERR_START).writeBytes(bytes).writeBytes(WireFormat.ERR_END);
                return;
            }
        }
        finishCutForMemory();
    }

    @Override
    public DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
            boolean withHeaders) {
        DeliveryOutcome outcome = tryDeliver(subject, sid, reply, message, withHeaders, false);
        if (outcome == null) {
            // The budget has no credit left: make room (cutting whoever holds the most), outside this lock.
            budget.relieve(PendingBudget.STEP + message.bodyLength());
            outcome = tryDeliver(subject, sid, reply, message, withHeaders, true);
        }
        return outcome;
    }

    /**
     * Appends one MSG or HMSG unless this client must be cut as a slow consumer. Null, having appended nothing,
     * when the budget has no credit for it and this is not the {@code lastTry}; on the last try, that makes this
     * client a slow consumer too.
     */
    private DeliveryOutcome tryDeliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
            boolean withHeaders, boolean lastTry) {
        int headerLength = message.headerLength();
        boolean headerFrame = headerLength > 0 && withHeaders;
        int skip = headerLength > 0 && !withHeaders ? headerLength : 0;
        int bodyLength = message.bodyLength() - skip;
        int size = 5 + subject.length() + 1 + sid.length + 1 + (reply.length() > 0 ? reply.length() + 1 : 0)
                + 2 * WireFormat.maxDecimalLength() + 2 + bodyLength + 2;
        ProtocolTracer trace = tracer;
        String[] traced = null;
        DeliveryOutcome outcome = DeliveryOutcome.DROPPED;
        boolean cut = false;
        boolean noMemory = false;
        synchronized (lock) {
            if (closing) {
                return DeliveryOutcome.DROPPED;
            }
            long held = queuedBytes() + size;
            boolean fits = held <= maxPending;
            if (fits && held > credit && !takeCredit(held)) {
                if (!lastTry) {
                    return null;
                }
                fits = false;
            }
            ByteBuf out = fits ? room(size) : null;
            if (out != null) {
                traced = appendFrame(out, trace, subject, sid, reply, message, headerFrame, skip, bodyLength);
                deliveredMessages++;
                deliveredBytes += bodyLength;
                outcome = held > slowDownAt ? DeliveryOutcome.DELIVERED_SLOW_DOWN : DeliveryOutcome.DELIVERED;
            } else if (fits) {
                // room() found no memory and started the cut.
                noMemory = true;
            } else {
                cut = startClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
            }
        }
        if (noMemory) {
            finishCutForMemory();
        } else if (cut) {
            finishClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES, null);
        }
        if (traced != null) {
            // Written to the log outside the lock: logging takes locks of its own.
            ProtocolTrace.write(trace, client, traced);
        }
        return outcome;
    }

    /**
     * Writes one frame into {@code out}; returns its trace lines when tracing is on. A frame that fails half-way is
     * taken back, as half a frame would corrupt everything queued after it. Caller holds the lock.
     */
    private String[] appendFrame(ByteBuf out, ProtocolTracer trace, SubjectView subject, byte[] sid,
            SubjectView reply, InboundMessage message, boolean headerFrame, int skip, int bodyLength) {
        int lineStart = out.writerIndex();
        try {
            out.writeBytes(headerFrame ? WireFormat.HMSG : WireFormat.MSG);
            out.writeBytes(subject.array(), subject.arrayOffset(), subject.length()).writeByte(' ');
            out.writeBytes(sid).writeByte(' ');
            if (reply.length() > 0) {
                out.writeBytes(reply.array(), reply.arrayOffset(), reply.length()).writeByte(' ');
            }
            writeSizes(out, message, headerFrame, skip, bodyLength);
            int lineEnd = out.writerIndex();
            out.writeShort(WireFormat.CRLF);
            writeBody(out, message, skip, bodyLength);
            out.writeShort(WireFormat.CRLF);
            return trace.enabled()
                    ? ProtocolTrace.frame(trace, out, lineStart, lineEnd, headerFrame ? message.headerLength() : 0)
                    : null;
        } catch (RuntimeException | Error e) {
            out.writerIndex(lineStart);
            throw e;
        }
    }

    /** Not traced: nats-server queues its no-responders answer without a trace. */
    @Override
    public void sendNoResponders(SubjectView reply, byte[] sid, SubjectView subject) {
        int headerLength = WireFormat.NO_RESPONDERS_FIXED_LENGTH + subject.length();
        synchronized (lock) {
            if (closing) {
                return;
            }
            ByteBuf out = room(reply.length() + sid.length + headerLength + 64);
            if (out != null) {
                out.writeBytes(WireFormat.HMSG);
                out.writeBytes(reply.array(), reply.arrayOffset(), reply.length()).writeByte(' ');
                out.writeBytes(sid).writeByte(' ');
                WireFormat.writeDecimal(out, headerLength);
                out.writeByte(' ');
                WireFormat.writeDecimal(out, headerLength);
                out.writeShort(WireFormat.CRLF);
                out.writeBytes(WireFormat.NO_RESPONDERS_STATUS);
                out.writeBytes(subject.array(), subject.arrayOffset(), subject.length());
                out.writeShort(WireFormat.CRLF).writeShort(WireFormat.CRLF).writeShort(WireFormat.CRLF);
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
            handOff(flushTask);
        }
    }

    @Override
    public void close(CloseReason reason) {
        ByteBuf last;
        synchronized (lock) {
            if (!startClosing(reason)) {
                return;
            }
            last = reason.dropsPendingData() ? null : takePending();
        }
        finishClosing(reason, last);
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
            return queuedBytes();
        }
    }

    @Override
    public void pauseReading(long nanos) {
        if (!eventLoop.inEventLoop()) {
            eventLoop.execute(() -> pauseReading(nanos));
            return;
        }
        if (!readingPaused && channel.isActive()) {
            readingPaused = true;
            channel.config().setAutoRead(false);
            eventLoop.schedule(resumeReading, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The first reason anybody gave for closing, or null when the peer went away by itself. */
    public CloseReason closeReason() {
        return closeReason.get();
    }

    /** The channel is gone: release what is still queued, and the credit it held. */
    public void channelClosed() {
        synchronized (lock) {
            closing = true;
            releasePending();
            releaseCredit();
        }
        budget.unregister(this);
        unwritableSince = -1;
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    /**
     * Called on the event loop when the channel's writability changes: starts or stops the write-deadline clock,
     * and arms the one check when none is due.
     */
    public void writabilityChanged() {
        if (channel.isWritable()) {
            unwritableSince = -1;
            // The socket took what had piled up: give back the credit for it.
            settleCredit();
            return;
        }
        if (unwritableSince < 0) {
            unwritableSince = ticker.nanoTime();
        }
        if (deadline == null) {
            armDeadline(limits.writeDeadlineNanos());
        }
    }

    private void append(byte[] bytes, String operation) {
        ProtocolTracer trace = tracer;
        if (trace.enabled()) {
            ProtocolTrace.outbound(trace, client, operation);
        }
        synchronized (lock) {
            if (closing) {
                return;
            }
            ByteBuf out = room(bytes.length);
            if (out != null) {
                out.writeBytes(bytes);
                return;
            }
        }
        finishCutForMemory();
    }

    /**
     * The pending buffer, with room for at least {@code size} more bytes; null when there is no memory for them, and
     * then this client has started closing as a slow consumer: the caller finishes with {@link #finishCutForMemory}
     * once it has released the lock. Caller holds the lock.
     */
    private ByteBuf room(int size) {
        try {
            if (pending == null) {
                pending = channel.alloc().ioBuffer(Math.max(INITIAL_BUFFER, size));
            } else {
                pending.ensureWritable(size);
            }
            return pending;
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
        finishClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES, null);
    }

    /**
     * Raises this client's credit to cover {@code held} bytes, rounded up to the budget's step; false, changing
     * nothing, when the budget has not that much left. Caller holds the lock.
     */
    private boolean takeCredit(long held) {
        long wanted = (held + PendingBudget.STEP - 1) / PendingBudget.STEP * PendingBudget.STEP;
        if (!budget.tryCharge(wanted - credit)) {
            return false;
        }
        credit = wanted;
        return true;
    }

    /** Gives back the credit above what this client holds now; returns what it holds. From any thread. */
    long settleCredit() {
        synchronized (lock) {
            long held = queuedBytes();
            long keep = Math.max(PendingBudget.FREE_PER_CLIENT,
                    (held + PendingBudget.STEP - 1) / PendingBudget.STEP * PendingBudget.STEP);
            if (keep < credit) {
                budget.release(credit - keep);
                credit = keep;
            }
            return held;
        }
    }

    /** Caller holds the lock. */
    private void releaseCredit() {
        budget.release(credit - PendingBudget.FREE_PER_CLIENT);
        credit = PendingBudget.FREE_PER_CLIENT;
    }

    /**
     * Cuts this client as a slow consumer for the budget's sake; false when it was closing already. Called by the
     * budget, holding no outbound lock.
     */
    boolean cutForMemory() {
        boolean cut;
        synchronized (lock) {
            cut = !closing && startClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
        }
        if (cut) {
            finishClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES, null);
        }
        return cut;
    }

    /**
     * Bytes pending here and written to the channel but not yet to the socket. Caller holds the lock; any thread.
     * Netty reserves {@code unsafe()} for its own use, but it is the only view of what the channel still holds, and
     * this use is safe from another thread: the outbound buffer is a volatile field (null once the channel closed),
     * and its total a volatile long.
     */
    private long queuedBytes() {
        long queued = pending == null ? 0 : pending.readableBytes();
        ChannelOutboundBuffer inChannel = channel.unsafe().outboundBuffer();
        return inChannel == null ? queued : queued + inChannel.totalPendingWriteBytes();
    }

    private static void writeSizes(ByteBuf out, InboundMessage message, boolean headerFrame, int skip,
            int bodyLength) {
        if (message instanceof WireInboundMessage wire) {
            if (headerFrame) {
                wire.writeHeaderSizeText(out);
                out.writeByte(' ');
                wire.writeTotalSizeText(out);
            } else if (skip > 0) {
                WireFormat.writeDecimal(out, bodyLength);
            } else {
                wire.writeTotalSizeText(out);
            }
            return;
        }
        if (headerFrame) {
            WireFormat.writeDecimal(out, message.headerLength());
            out.writeByte(' ');
        }
        WireFormat.writeDecimal(out, bodyLength);
    }

    private void writeBody(ByteBuf out, InboundMessage message, int skip, int bodyLength) {
        if (message instanceof WireInboundMessage wire) {
            out.writeBytes(wire.buffer(), wire.bodyIndex() + skip, bodyLength);
            return;
        }
        if (copyScratch == null) {
            copyScratch = new byte[COPY_CHUNK];
        }
        for (int done = 0; done < bodyLength; done += COPY_CHUNK) {
            int chunk = Math.min(COPY_CHUNK, bodyLength - done);
            message.copyBody(skip + done, copyScratch, 0, chunk);
            out.writeBytes(copyScratch, 0, chunk);
        }
    }

    /** Runs on the event loop: hands the pending buffer to the channel. */
    private void flushNow() {
        flushScheduled.set(false);
        ByteBuf out;
        boolean charged;
        synchronized (lock) {
            out = takePending();
            charged = credit > PendingBudget.FREE_PER_CLIENT;
        }
        if (out != null) {
            channel.writeAndFlush(out, channel.voidPromise());
        }
        if (charged) {
            // What the socket took during the write is no longer held: its credit goes back to the budget.
            settleCredit();
        }
        if (unwritableSince >= 0) {
            // As nats-server checks its deadline at each write: a deadline shortened by a reload applies now,
            // not when the check armed with the old one comes due.
            long limit = limits.writeDeadlineNanos();
            if (limit > 0 && ticker.nanoTime() - unwritableSince >= limit) {
                close(CloseReason.SLOW_CONSUMER_WRITE_DEADLINE);
            }
        }
    }

    /**
     * The first part of a close, under the lock: records the reason and stops all queueing; drops what is pending
     * when the reason says so. False when the connection was closing already. The caller finishes with
     * {@link #finishClosing} once it has released the lock.
     */
    private boolean startClosing(CloseReason reason) {
        if (!closeReason.compareAndSet(null, reason)) {
            return false;
        }
        closing = true;
        if (reason.dropsPendingData()) {
            releasePending();
            // What is still in the channel is released when the channel closes, a moment later.
            releaseCredit();
        }
        return true;
    }

    /** The rest of a close, outside the lock: closes the channel on its event loop, after sending {@code last}. */
    private void finishClosing(CloseReason reason, ByteBuf last) {
        boolean handedOver = reason.dropsPendingData() ? handOff(forceClose) : handOff(() -> closeAfterFlush(last));
        if (!handedOver && last != null) {
            last.release();
        }
    }

    /** Runs {@code task} on the event loop; false when the event loop has stopped (the server is shutting down). */
    private boolean handOff(Runnable task) {
        try {
            eventLoop.execute(task);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    private void closeAfterFlush(ByteBuf last) {
        ByteBuf out = last == null ? Unpooled.EMPTY_BUFFER : last;
        channel.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        long limit = limits.writeDeadlineNanos();
        if (limit > 0) {
            // A client that stops reading must not keep a closing connection open forever; once the channel has
            // closed, the timer must not keep it (and this outbound) reachable until it fires.
            ScheduledFuture<?> forced = eventLoop.schedule(forceClose, limit, TimeUnit.NANOSECONDS);
            channel.closeFuture().addListener(closed -> forced.cancel(false));
        }
    }

    /** Caller holds the lock. */
    private ByteBuf takePending() {
        ByteBuf out = pending;
        pending = null;
        return out;
    }

    private void forceClose() {
        channel.close();
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    private void armDeadline(long nanos) {
        if (nanos > 0) {
            deadline = eventLoop.schedule(deadlineCheck, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The due check: a slow consumer when the socket has refused writes for the whole deadline (as it is now, after
     * any reload), else wait on.
     */
    private void checkWriteDeadline() {
        deadline = null;
        long limit = limits.writeDeadlineNanos();
        if (unwritableSince < 0 || limit <= 0 || !channel.isActive()) {
            return;
        }
        long blocked = ticker.nanoTime() - unwritableSince;
        if (blocked >= limit) {
            close(CloseReason.SLOW_CONSUMER_WRITE_DEADLINE);
        } else {
            armDeadline(limit - blocked);
        }
    }

    private void resumeReading() {
        readingPaused = false;
        if (channel.isActive() && !inputHeld) {
            channel.config().setAutoRead(true);
            channel.read();
        }
    }

    /** How the handler passes the session what arrived while input was held; set before the session can hold it. */
    void whenInputResumes(Runnable decodeHeldInput) {
        this.decodeHeldInput = decodeHeldInput;
    }

    @Override
    public void holdInput() {
        inputHeld = true;
        channel.config().setAutoRead(false);
    }

    @Override
    public void resumeInput() {
        if (!eventLoop.inEventLoop()) {
            eventLoop.execute(this::resumeInput);
            return;
        }
        if (!inputHeld) {
            return;
        }
        inputHeld = false;
        if (!channel.isActive()) {
            return;
        }
        decodeHeldInput.run();
        if (!readingPaused) {
            channel.config().setAutoRead(true);
            channel.read();
        }
    }
}
