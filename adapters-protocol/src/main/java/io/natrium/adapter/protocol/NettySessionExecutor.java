package io.natrium.adapter.protocol;

import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/** Runs a session's work on its channel's event loop. */
final class NettySessionExecutor implements SessionExecutor {

    private final EventLoop eventLoop;

    NettySessionExecutor(EventLoop eventLoop) {
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
}
