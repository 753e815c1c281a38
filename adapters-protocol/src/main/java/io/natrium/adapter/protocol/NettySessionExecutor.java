package io.natrium.adapter.protocol;

import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a session's work on its channel's event loop. */
public final class NettySessionExecutor implements SessionExecutor {

    /**
     * Hops through each event loop's task queue that make sure the loop has polled its sockets, handled what they
     * had, and run the tasks that handling queued. A task queued now may run before the loop next polls (it is
     * busy with the tasks of this round): the first hop. The second runs after at least one poll, which finds an
     * end of input that arrived before the first was queued; Netty reports the channel's close in a task queued by
     * that poll, after the second hop: the third runs after it.
     */
    private static final int HOPS = 3;

    private final EventLoop eventLoop;

    public NettySessionExecutor(EventLoop eventLoop) {
        this.eventLoop = eventLoop;
    }

    @Override
    public void execute(Runnable task) {
        if (eventLoop.inEventLoop()) {
            task.run();
        } else {
            eventLoop.execute(task);
        }
    }

    @Override
    public ScheduledTask schedule(Runnable task, long delay, TimeUnit unit) {
        ScheduledFuture<?> future = eventLoop.schedule(task, delay, unit);
        return () -> future.cancel(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    /**
     * Passes {@link #HOPS} times through the task queue of every event loop of the channel's group (the clients of
     * this transport), then runs {@code task} on this channel's loop. A loop that has stopped (shutdown) counts as
     * passed.
     */
    @Override
    public void afterArrivedEvents(Runnable task) {
        EventLoopGroup group = eventLoop.parent();
        List<EventExecutor> loops = new ArrayList<>();
        if (group == null) {
            loops.add(eventLoop);
        } else {
            group.forEach(loops::add);
        }
        AtomicInteger remaining = new AtomicInteger(loops.size());
        Runnable passed = () -> {
            if (remaining.decrementAndGet() == 0) {
                handOff(eventLoop, task);
            }
        };
        for (EventExecutor loop : loops) {
            hop(loop, HOPS, passed);
        }
    }

    private static void hop(EventExecutor loop, int hops, Runnable passed) {
        if (hops == 0) {
            passed.run();
            return;
        }
        if (!handOff(loop, () -> hop(loop, hops - 1, passed))) {
            passed.run();
        }
    }

    private static boolean handOff(EventExecutor loop, Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }
}
