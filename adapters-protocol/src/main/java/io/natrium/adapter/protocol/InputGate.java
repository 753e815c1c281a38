package io.natrium.adapter.protocol;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

import java.util.concurrent.TimeUnit;

/**
 * Whether one connection reads from its client. Two things stop it: a pause for a while (the fast-producer stall a
 * publisher gets when its subscribers fall behind) and a hold while the session decides a CONNECT, which ends when
 * the session resumes the input and first gets what arrived meanwhile. The channel reads only when neither stops it.
 *
 * <p>Apart from {@link NettyClientOutbound} because it is the read side: the session asks for it through the one
 * out-port it holds, but it shares nothing with the outbound's buffer, lock or timers. Confined to the channel's
 * event loop; calls that may come from other threads are handed to it.
 */
final class InputGate {

    private final Channel channel;
    private final EventLoop eventLoop;
    private final Runnable endPause = this::endPause;
    private boolean paused;
    /** The session is deciding a CONNECT and reads nothing until it resumes input. */
    private boolean held;
    /** The connection is closing: it never reads again. */
    private boolean stopped;
    private Runnable decodeHeldInput = () -> { };

    InputGate(Channel channel) {
        this.channel = channel;
        this.eventLoop = channel.eventLoop();
    }

    /** How the handler passes the session what arrived while input was held; set before the session can hold it. */
    void whenResumed(Runnable decodeHeldInput) {
        this.decodeHeldInput = decodeHeldInput;
    }

    /** Stops reading for {@code nanos}, unless a pause runs already; from any thread. */
    void pause(long nanos) {
        if (!eventLoop.inEventLoop()) {
            eventLoop.execute(() -> pause(nanos));
            return;
        }
        if (!paused && !stopped && channel.isActive()) {
            paused = true;
            channel.config().setAutoRead(false);
            eventLoop.schedule(endPause, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops reading until {@link #resume}; on the event loop. */
    void hold() {
        held = true;
        channel.config().setAutoRead(false);
    }

    /**
     * Stops reading for good: the connection is closing, and as nats-server's read loop ends with it, what the client
     * sends from now on stays in the socket. On the event loop.
     */
    void stop() {
        stopped = true;
        channel.config().setAutoRead(false);
    }

    /** Ends a hold: first decodes what arrived while it lasted, then reads again unless paused; from any thread. */
    void resume() {
        if (!eventLoop.inEventLoop()) {
            eventLoop.execute(this::resume);
            return;
        }
        if (!held) {
            return;
        }
        held = false;
        if (!channel.isActive() || stopped) {
            return;
        }
        decodeHeldInput.run();
        if (!paused) {
            channel.config().setAutoRead(true);
            channel.read();
        }
    }

    private void endPause() {
        paused = false;
        if (channel.isActive() && !held && !stopped) {
            channel.config().setAutoRead(true);
            channel.read();
        }
    }
}
