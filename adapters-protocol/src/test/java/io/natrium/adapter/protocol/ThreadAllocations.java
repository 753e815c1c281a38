package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.FastThreadLocalThread;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counting what the server allocates, for the allocation budgets: the current thread's allocated-bytes counter, and
 * a thread of the kind Netty's event loops run on, so that the counter sees all the server's work.
 */
final class ThreadAllocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ThreadAllocations() {
    }

    static com.sun.management.ThreadMXBean threads() {
        return THREADS;
    }

    /** Bytes the current thread has allocated so far. */
    static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** What reading the counter twice costs by itself (zero on HotSpot, but it is measured rather than assumed). */
    static long measurementOverhead() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 1_000; i++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            long after = THREADS.getCurrentThreadAllocatedBytes();
            least = Math.min(least, after - before);
        }
        return least;
    }

    /** Runs the work on a thread of the kind Netty's event loops run on, and waits for it. */
    static <T> T onEventLoopThread(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        FastThreadLocalThread thread = new FastThreadLocalThread(() -> {
            try {
                result.set(work.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "allocation-budget");
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(120));
        assertThat(thread.isAlive()).as("the measurement finished in time").isFalse();
        if (failure.get() instanceof Exception e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }
}
