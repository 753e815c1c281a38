package io.natrium.adapter.protocol;

import io.natrium.application.port.CloseReason;
import io.natrium.domain.HotPath;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How one connection's outbound ends, in the two halves a close has around the outbound's lock. Under the lock,
 * {@link #start} records the first reason anybody gave and stops all queueing. After it, from any thread,
 * {@link #finish} hands the close to the channel's event loop: a slow consumer's channel is closed at once, any other
 * after its last buffer is written, and by force once the write deadline has passed, so a client that stops reading
 * cannot keep it open. A stopped event loop (shutdown) makes the hand-off a no-op that releases the last buffer, never
 * an exception in the caller; the outbound hands its flush task over the same way ({@link #handOff}).
 *
 * <p>Apart from {@link NettyClientOutbound} because it is the one part that hands work to the event loop, and must
 * never do so under the lock: keeping the halves apart keeps that rule visible. The queue drops what is
 * pending and its credit when a reason drops pending data, since those are guarded by its lock.
 */
@HotPath
final class OutboundClose {

    private final Channel channel;
    private final EventLoop eventLoop;
    private final OutboundLimits limits;
    private final AtomicReference<CloseReason> reason = new AtomicReference<>();
    private final Runnable forceClose = this::forceClose;
    private final ChannelFutureListener closeWhenWritten = written -> forceClose();
    /** Set under the outbound's lock; read by every append, under it and without it. */
    private volatile boolean closing;
    /** The close resets the connection (SO_LINGER 0); set and read on the event loop. */
    private boolean reset;

    OutboundClose(Channel channel, OutboundLimits limits) {
        this.channel = channel;
        this.eventLoop = channel.eventLoop();
        this.limits = limits;
    }

    /** Whether nothing more is queued: a close has started, or the channel is gone. */
    boolean closing() {
        return closing;
    }

    /** The first reason anybody gave for closing, or null when the peer went away by itself. */
    CloseReason reason() {
        return reason.get();
    }

    /**
     * The first half of a close, under the outbound's lock: records {@code why} and stops all queueing. False when
     * the connection was closing already; else the caller finishes with {@link #finish} once it has released the
     * lock.
     */
    boolean start(CloseReason why) {
        if (!reason.compareAndSet(null, why)) {
            return false;
        }
        closing = true;
        return true;
    }

    /** The channel has closed: nothing more is queued, whatever the reason. Under the outbound's lock. */
    void channelGone() {
        closing = true;
    }

    /**
     * The rest of a close, holding no lock: closes the channel on its event loop, at once when {@code why} drops
     * pending data, else after sending {@code last} (null for nothing).
     */
    void finish(CloseReason why, ByteBuf last) {
        boolean handedOver = why.dropsPendingData() ? handOff(forceClose) : handOff(() -> closeAfterFlush(last));
        if (!handedOver && last != null) {
            last.release();
        }
    }

    /**
     * Makes the close a reset: what the client sent and the server left unread would have made the operating system
     * reset the connection, as it does under nats-server, had it still been in the socket. On the event loop.
     */
    void resetOnClose() {
        reset = true;
    }

    /** Runs {@code task} on the event loop; false when the event loop has stopped (the server is shutting down). */
    boolean handOff(Runnable task) {
        try {
            eventLoop.execute(task);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    private void closeAfterFlush(ByteBuf last) {
        ByteBuf out = last == null ? Unpooled.EMPTY_BUFFER : last;
        channel.writeAndFlush(out).addListener(closeWhenWritten);
        long limit = limits.writeDeadlineNanos();
        if (limit > 0) {
            // A client that stops reading must not keep a closing connection open forever; once the channel has
            // closed, the timer must not keep it (and the outbound) reachable until it fires.
            ScheduledFuture<?> forced = eventLoop.schedule(forceClose, limit, TimeUnit.NANOSECONDS);
            channel.closeFuture().addListener(closed -> forced.cancel(false));
        }
    }

    private void forceClose() {
        if (reset && channel.isOpen()) {
            // With a zero linger the close sends a reset, as a close with unread input does under nats-server; like
            // that one, it drops what the socket has not sent yet (on loopback the last write has arrived already).
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        channel.close();
    }
}
