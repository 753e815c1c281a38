package io.natrium.adapter.monitor;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The thread that runs monitoring queries and writes their JSON, away from every event loop. Requests wait for it
 * in a bounded queue: each connection has at most one request in it (the handler reads the next only once the
 * last is answered), and past the bound a request is refused at once rather than queued.
 */
final class MonitorWorker {

    /** Requests that may wait for the worker; more connections than this asking at once get 503. */
    static final int WAITING_REQUESTS = 256;

    private MonitorWorker() {
    }

    /** One thread, at most {@code waiting} requests queued; a request over that is rejected by {@code execute}. */
    static ThreadPoolExecutor start(int waiting, ThreadFactory threads) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(waiting), threads,
                new ThreadPoolExecutor.AbortPolicy());
    }
}
