package io.natrium.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The thread the sublist caches are swept on. */
class SublistSweeperTest {

    private final ThreadPoolExecutor sweeper = SublistSweeper.create();

    @AfterEach
    void stop() {
        sweeper.shutdownNow();
    }

    @Test
    void sweepsRunOnOneNamedDaemonThread() throws Exception {
        CompletableFuture<Thread> first = new CompletableFuture<>();
        CompletableFuture<Thread> second = new CompletableFuture<>();

        sweeper.execute(() -> first.complete(Thread.currentThread()));
        sweeper.execute(() -> second.complete(Thread.currentThread()));

        Thread thread = first.get(10, TimeUnit.SECONDS);
        assertThat(thread.getName()).isEqualTo("natrium-sublist-sweeper");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(thread);
        assertThat(sweeper.getMaximumPoolSize()).isEqualTo(1);
    }

    @Test
    void pastItsQueueItRefusesSweepsInsteadOfQueueingWithoutEnd() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sweeper.execute(() -> {
            running.countDown();
            awaitQuietly(release);
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        int queued = 0;
        try {
            while (queued < 100_000) {
                sweeper.execute(() -> { });
                queued++;
            }
        } catch (RejectedExecutionException refused) {
            // expected once the queue is full
        } finally {
            release.countDown();
        }

        assertThat(queued).as("sweeps queued behind the running one").isEqualTo(SublistSweeper.QUEUE_CAPACITY);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
