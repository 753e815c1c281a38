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

/**
 * One client's outbound side. Publishers on any event loop append MSG lines and bodies to one pooled pending buffer
 * under a short lock (one copy per subscriber, as nats-server does); {@link #flush()} hands the buffer to the channel
 * on the channel's own event loop, directly when called there and otherwise through one preallocated task that is
 * scheduled at most once at a time. Slow consumers are detected here: by queued bytes at every append, and by a
 * socket that stays unwritable for longer than the write deadline. Work handed to the event loop from another
 * thread is handed over outside the lock, and a stopped event loop (shutdown) makes it a no-op, never an exception
 * in the caller's pipeline.
 *
 * <p>With protocol tracing on, what is queued is traced as nats-server traces it ({@code ->> [MSG foo 1 5]} and the
 * payload), under the client's own log prefix; with it off, each operation costs one boolean test.
 */
@HotPath
public final class NettyClientOutbound implements ClientOutbound {

    private static final int INITIAL_BUFFER = 512;
    private static final int COPY_CHUNK = 8192;

    private final Channel channel;
    private final EventLoop eventLoop;
    /** The event loop's clock, so that the write deadline follows it (tests freeze and advance it). */
    private final Ticker ticker;
    private final long maxPending;
    private final OutboundLimits limits;
    private final Object lock = new Object();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicReference<CloseReason> closeReason = new AtomicReference<>();
    private final Runnable flushTask = this::flushNow;
    private final Runnable deadlineCheck = this::checkWriteDeadline;
    private final Runnable resumeReading = this::resumeReading;
    private final Runnable forceClose = this::forceClose;

    /** Guarded by {@link #lock}. */
    private ByteBuf pending;
    /** Guarded by {@link #lock}: a copy buffer for bodies that are not in a Netty buffer. */
    private byte[] copyScratch;
    private volatile boolean closing;
    /**
     * Event-loop confined: the one write-deadline check that is due, or null. It is not cancelled when the socket
     * drains again: it then finds the socket writable and ends, so a socket flipping at its water marks costs no
     * timer per flip.
     */
    private ScheduledFuture<?> deadline;
    /** Event-loop confined: when the socket last stopped taking writes ({@link #ticker} time), or -1 while it takes them. */
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
        this.limits = limits;
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
            ByteBuf out = buffer(json.length + WireFormat.INFO_START.length + WireFormat.INFO_END.length);
            out.writeBytes(WireFormat.INFO_START).writeBytes(json).writeBytes(WireFormat.INFO_END);
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
        ProtocolTracer trace = tracer;
        if (trace.enabled()) {
            ProtocolTrace.outbound(trace, client, "-ERR " + text);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (closing) {
                return;
            }
            ByteBuf out = buffer(bytes.length + WireFormat.ERR_START.length + WireFormat.ERR_END.length);
            out.writeBytes(WireFormat.ERR_START).writeBytes(bytes).writeBytes(WireFormat.ERR_END);
        }
    }

    @Override
    public DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
            boolean withHeaders) {
        int headerLength = message.headerLength();
        boolean headerFrame = headerLength > 0 && withHeaders;
        int skip = headerLength > 0 && !withHeaders ? headerLength : 0;
        int bodyLength = message.bodyLength() - skip;
        int size = 5 + subject.length() + 1 + sid.length + 1 + (reply.length() > 0 ? reply.length() + 1 : 0)
                + 2 * WireFormat.maxDecimalLength() + 2 + bodyLength + 2;
        ProtocolTracer trace = tracer;
        String[] traced = null;
        DeliveryOutcome outcome;
        boolean slowConsumer = false;
        synchronized (lock) {
            if (closing) {
                return DeliveryOutcome.DROPPED;
            }
            long queued = queuedBytes();
            if (queued + size > maxPending) {
                slowConsumer = startClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
                outcome = DeliveryOutcome.DROPPED;
            } else {
                ByteBuf out = buffer(size);
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
                    if (trace.enabled()) {
                        traced = ProtocolTrace.frame(trace, out, lineStart, lineEnd, headerFrame ? headerLength : 0);
                    }
                } catch (RuntimeException | Error e) {
                    // Half a frame would corrupt everything queued after it.
                    out.writerIndex(lineStart);
                    throw e;
                }
                outcome = queued + size > maxPending / 4 * 3 ? DeliveryOutcome.DELIVERED_SLOW_DOWN
                        : DeliveryOutcome.DELIVERED;
            }
        }
        if (slowConsumer) {
            finishClosing(CloseReason.SLOW_CONSUMER_PENDING_BYTES, null);
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
        int headerLength = WireFormat.NO_RESPONDERS_FIXED_LENGTH + subject.length();
        synchronized (lock) {
            if (closing) {
                return;
            }
            ByteBuf out = buffer(reply.length() + sid.length + headerLength + 64);
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
        }
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

    /** The channel is gone: release what is still queued. */
    public void channelClosed() {
        synchronized (lock) {
            closing = true;
            releasePending();
        }
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
            if (!closing) {
                buffer(bytes.length).writeBytes(bytes);
            }
        }
    }

    /** The pending buffer, with room for at least {@code size} more bytes. Caller holds the lock. */
    private ByteBuf buffer(int size) {
        if (pending == null) {
            pending = channel.alloc().ioBuffer(Math.max(INITIAL_BUFFER, size));
        } else {
            pending.ensureWritable(size);
        }
        return pending;
    }

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
        synchronized (lock) {
            out = takePending();
        }
        if (out != null) {
            channel.writeAndFlush(out, channel.voidPromise());
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
