package io.natrium.application.port.out;

import java.util.concurrent.TimeUnit;

/** Runs work on a connection's own thread, now or later, so the session's state stays confined to it. */
public interface SessionExecutor {

    void execute(Runnable task);

    ScheduledTask schedule(Runnable task, long delay, TimeUnit unit);

    /** A monotonic clock in nanoseconds. */
    long nanoTime();
}
