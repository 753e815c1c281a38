package io.natrium.application.port.out;

import java.util.concurrent.TimeUnit;

/** Runs work on a connection's own thread, now or later, so the session's state stays confined to it. */
public interface SessionExecutor {

    void execute(Runnable task);

    ScheduledTask schedule(Runnable task, long delay, TimeUnit unit);

    /** A monotonic clock in nanoseconds. */
    long nanoTime();

    /**
     * Runs {@code task} on the connection's own thread once the transport has handled every event that had reached
     * it by now, on all of its connections: a connection whose client has already closed its socket has then been
     * reported closed ({@code ClientSession.transportClosed}). How a full server makes sure the clients it counts are
     * still there before it turns a new one away. By default, a transport that reports closes at once: right away.
     */
    default void afterArrivedEvents(Runnable task) {
        execute(task);
    }
}
