package io.natrium.bootstrap.wiring;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where bcrypt checks of CONNECTs and reloads run, so that no event loop stalls on one (design §6). Bounded in threads
 * and in waiting work: a flood of CONNECTs of bcrypt users costs at most these threads' CPU, and past the queue the
 * clients are refused rather than queued without end. Its threads start on first use and end when idle, so a server
 * without bcrypt users never has one.
 */
final class AuthenticationExecutor {

    /** Enough to absorb a reconnect storm of one server's clients; more wait on the client side. */
    private static final int QUEUE_CAPACITY = 4096;
    private static final long IDLE_SECONDS = 30;

    private AuthenticationExecutor() {
    }

    static ThreadPoolExecutor create() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), new NamedDaemonThreads(), new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static final class NamedDaemonThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "natrium-authentication-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
