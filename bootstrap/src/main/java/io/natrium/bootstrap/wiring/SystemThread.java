package io.natrium.bootstrap.wiring;

import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system account client's thread ({@code natrium-system}): its events, request handlers and timers run here, in
 * order, never on a client's event loop. The system account's send queue bounds what waits for it. A daemon, so
 * that it never keeps the process alive; after shutdown new work is dropped.
 */
public final class SystemThread implements SessionExecutor {

    static final String THREAD_NAME = "natrium-system";
    private static final Logger LOG = LoggerFactory.getLogger(SystemThread.class);

    private final ScheduledThreadPoolExecutor executor;

    private SystemThread() {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    public static SystemThread create() {
        return new SystemThread();
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("System account work dropped after shutdown");
        }
    }

    @Override
    public ScheduledTask schedule(Runnable task, long delay, TimeUnit unit) {
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), delay, unit);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> {
            };
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    /** Stops the thread once what is queued has run. */
    public void shutdown() {
        executor.shutdown();
    }

    /** A failing handler is logged and the thread goes on, as a failing request must not stop the events. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("System account error: {}", e.toString(), e);
            }
        };
    }
}
