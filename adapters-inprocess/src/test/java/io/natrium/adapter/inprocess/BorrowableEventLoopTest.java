package io.natrium.adapter.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BorrowableEventLoopTest {

    private final InProcessEventLoopGroup group = new InProcessEventLoopGroup("borrowable-test");
    private final BorrowableEventLoop loop = group.loop();
    private Thread loopThread;

    @BeforeEach
    void startTheLoopAndLetItPark() throws Exception {
        loopThread = loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
        awaitParked();
    }

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void anIdleLoopRunsTheWorkOnTheCallersThreadAsItsOwn() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<Boolean> inLoop = new AtomicReference<>();

        boolean ran = loop.runIfIdle(() -> {
            ranOn.set(Thread.currentThread());
            inLoop.set(loop.inEventLoop());
        });

        assertThat(ran).isTrue();
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(inLoop.get()).as("the borrower is the loop while it runs the work").isTrue();
        assertThat(loop.inEventLoop()).as("and no longer after").isFalse();
    }

    @Test
    void whatTheWorkHandsTheLoopRunsBeforeTheBorrowerReturns() {
        List<String> order = new CopyOnWriteArrayList<>();

        loop.runIfIdle(() -> {
            loop.execute(() -> order.add("task on " + Thread.currentThread().getName()));
            order.add("work");
        });

        assertThat(order).containsExactly("work", "task on " + Thread.currentThread().getName());
    }

    @Test
    void aTimerTheWorkSetsFiresOnTheLoopsThreadOnTime() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        AtomicReference<Thread> firedOn = new AtomicReference<>();

        loop.runIfIdle(() -> loop.schedule(() -> {
            firedOn.set(Thread.currentThread());
            fired.countDown();
        }, 50, TimeUnit.MILLISECONDS));

        // The loop's thread parked for its idle second before the timer existed: the borrower must have woken it.
        assertThat(fired.await(900, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(firedOn.get()).isSameAs(loopThread);
    }

    @Test
    void aBusyLoopIsNotBorrowedAndItsWorkStaysInOrder() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        loop.execute(() -> {
            running.countDown();
            awaitQuietly(release);
            order.add("first");
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        boolean ran = loop.runIfIdle(() -> order.add("borrowed"));
        release.countDown();

        assertThat(ran).isFalse();
        loop.submit(() -> order.add("second")).get(10, TimeUnit.SECONDS);
        assertThat(order).containsExactly("first", "second");
    }

    @Test
    void aTaskWaitingInTheQueueKeepsTheBorrowerOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> awaitQuietly(release));
        loop.execute(() -> { });
        // The first task holds the loop; once it ends, the second is still queued for a moment at most, so the
        // check that matters is that a borrower never overtakes a queued task: it either runs after it or not at all.
        List<String> order = new CopyOnWriteArrayList<>();
        loop.execute(() -> order.add("queued"));
        release.countDown();

        if (loop.runIfIdle(() -> order.add("borrowed"))) {
            assertThat(order).containsExactly("queued", "borrowed");
        } else {
            loop.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(order).containsExactly("queued");
        }
    }

    @Test
    void theLoopsOwnThreadNeverBorrows() throws Exception {
        boolean ran = loop.submit(() -> loop.runIfIdle(() -> { })).get(10, TimeUnit.SECONDS);

        assertThat(ran).isFalse();
    }

    @Test
    void aClientThreadFindingAnotherBorrowingWaitsForItAndRunsItsWorkItself() throws Exception {
        InProcessEventLoopGroup patient = new InProcessEventLoopGroup("borrowable-patient", Duration.ofSeconds(30));
        BorrowableEventLoop patientLoop = patient.loop();
        try {
            Thread patientLoopThread = patientLoop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            awaitState(patientLoopThread, Thread.State.TIMED_WAITING);
            CountDownLatch borrowing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread first = new Thread(() -> patientLoop.runIfIdle(() -> {
                borrowing.countDown();
                awaitQuietly(release);
            }));
            first.start();
            assertThat(borrowing.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            AtomicReference<Boolean> ran = new AtomicReference<>();
            Thread second = new Thread(() -> ran.set(patientLoop.runIfIdle(() -> ranOn.set(Thread.currentThread()))));
            second.start();

            awaitState(second, Thread.State.TIMED_WAITING);
            release.countDown();
            second.join(10_000);
            first.join(10_000);

            assertThat(ran.get()).isTrue();
            assertThat(ranOn.get()).isSameAs(second);
        } finally {
            patient.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aThreadWithAnInterruptPendingDoesNotBorrow() {
        Thread.currentThread().interrupt();
        try {
            assertThat(loop.runIfIdle(() -> { })).isFalse();
        } finally {
            Thread.interrupted();
        }
        assertThat(loop.runIfIdle(() -> { })).as("once the interrupt is cleared").isTrue();
    }

    @Test
    void aLoopShuttingDownIsNotBorrowed() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();

        assertThat(loop.runIfIdle(() -> { })).isFalse();
    }

    private void awaitParked() throws InterruptedException {
        awaitState(loopThread, Thread.State.TIMED_WAITING);
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(thread.getState()).isEqualTo(state);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
