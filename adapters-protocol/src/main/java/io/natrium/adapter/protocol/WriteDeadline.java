package io.natrium.adapter.protocol;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;

import java.util.concurrent.TimeUnit;

/**
 * One connection's {@code write_deadline} stall detection: a socket that refuses writes for longer than the deadline
 * makes its client a slow consumer. The clock starts when the channel turns unwritable and stops when it drains; the
 * deadline is checked by one timer and, as nats-server checks it at each write, at each flush. It is read from the
 * current settings whenever it is armed or checked, so a reload reaches connections already open. (The deadline's
 * other use, bounding how long a closing connection waits for its last write, is part of {@link OutboundClose}.)
 *
 * <p>Apart from {@link NettyClientOutbound} because it shares nothing with the outbound's buffer or lock: it is
 * confined to the channel's event loop, follows the event loop's clock (tests freeze and advance it) and only reports
 * a deadline passed, through the action it is given, which the outbound turns into a close.
 */
final class WriteDeadline {

    private final Channel channel;
    private final EventLoop eventLoop;
    /** The event loop's clock, so that the deadline follows it. */
    private final Ticker ticker;
    private final OutboundLimits limits;
    /** Closes the connection as a slow consumer: the deadline has passed. */
    private final Runnable passed;
    private final Runnable check = this::check;

    /**
     * The one check that is due, or null. It is not cancelled when the socket drains again: it then finds the socket
     * writable and ends, so a socket flipping at its water marks costs no timer per flip.
     */
    private ScheduledFuture<?> due;
    /** When the socket last stopped taking writes ({@link #ticker} time), -1 while it takes them. */
    private long unwritableSince = -1;

    /**
     * @param passed what to do when the socket has refused writes for the whole deadline; on the event loop
     */
    WriteDeadline(Channel channel, OutboundLimits limits, Runnable passed) {
        this.channel = channel;
        this.eventLoop = channel.eventLoop();
        this.ticker = eventLoop instanceof AbstractScheduledEventExecutor scheduled ? scheduled.ticker()
                : Ticker.systemTicker();
        this.limits = limits;
        this.passed = passed;
    }

    /** The socket stopped taking writes: starts the clock unless it runs, and arms the one check when none is due. */
    void socketBlocked() {
        if (unwritableSince < 0) {
            unwritableSince = ticker.nanoTime();
        }
        if (due == null) {
            arm(limits.writeDeadlineNanos());
        }
    }

    /** The socket takes writes again: stops the clock. */
    void socketDrained() {
        unwritableSince = -1;
    }

    /**
     * The check at a write: a deadline shortened by a reload applies now, not when the check armed with the old one
     * comes due.
     */
    void checkAtWrite() {
        if (unwritableSince >= 0) {
            long limit = limits.writeDeadlineNanos();
            if (limit > 0 && ticker.nanoTime() - unwritableSince >= limit) {
                passed.run();
            }
        }
    }

    /** The channel has closed: stops the clock and cancels the check that is due. */
    void stop() {
        unwritableSince = -1;
        if (due != null) {
            due.cancel(false);
            due = null;
        }
    }

    private void arm(long nanos) {
        if (nanos > 0) {
            due = eventLoop.schedule(check, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The due check: the deadline has passed when the socket has refused writes for all of it (as it is now, after
     * any reload), else wait on.
     */
    private void check() {
        due = null;
        long limit = limits.writeDeadlineNanos();
        if (unwritableSince < 0 || limit <= 0 || !channel.isActive()) {
            return;
        }
        long blocked = ticker.nanoTime() - unwritableSince;
        if (blocked >= limit) {
            passed.run();
        } else {
            arm(limit - blocked);
        }
    }
}
