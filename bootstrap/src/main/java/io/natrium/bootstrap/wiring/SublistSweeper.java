package io.natrium.bootstrap.wiring;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the sublists' shared result caches are swept back to size, off every event loop: one named daemon thread,
 * rather than the JVM's common pool, which any library may fill and whose threads a thread dump does not attribute.
 * A sublist asks for at most one sweep at a time, so the queue holds at most one per sublist; past its bound a sweep
 * is refused, which the sublist shrugs off (it sweeps on the caller's thread once its cache reaches twice its
 * maximum). The thread starts on first use and ends when idle.
 */
final class SublistSweeper {

    static final String THREAD_NAME = "natrium-sublist-sweeper";
    static final int QUEUE_CAPACITY = 1024;
    private static final long IDLE_SECONDS = 30;

    private SublistSweeper() {
    }

    static ThreadPoolExecutor create() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), task -> {
                    Thread thread = new Thread(task, THREAD_NAME);
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
