package io.natrium.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.out.ScheduledTask;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The event loop and manual clock the in-memory transport runs each session on. */
class ManualExecutorTest {

    private final ManualExecutor executor = new ManualExecutor();
    private final List<String> ran = new ArrayList<>();

    @Test
    void executeOnTheLoopRunsAtOnce() {
        executor.run(() -> {
            executor.execute(() -> ran.add("now"));
            assertThat(ran).containsExactly("now");
        });

        assertThat(executor.pendingTasks()).isZero();
        assertThat(executor.pendingTimers()).isZero();
    }

    @Test
    void executeOffTheLoopWaitsForTheLoopsNextTurn() {
        executor.execute(() -> ran.add("later"));

        assertThat(ran).isEmpty();
        assertThat(executor.pendingTasks()).isEqualTo(1);
        assertThat(executor.runPending()).isEqualTo(1);
        assertThat(ran).containsExactly("later");
    }

    @Test
    void executeFromAnotherConnectionsLoopIsQueuedNotRunInsideIt() {
        ManualExecutor other = new ManualExecutor();

        other.run(() -> {
            executor.execute(() -> ran.add("handed over"));
            ran.add("other loop done");
        });
        executor.runPending();

        assertThat(ran).containsExactly("other loop done", "handed over");
        assertThat(other.inLoop()).isFalse();
    }

    @Test
    void aTaskRunOnTheLoopHandsWorkToItselfAtOnceAndToOthersQueued() {
        ManualExecutor other = new ManualExecutor();
        executor.execute(() -> {
            assertThat(executor.inLoop()).isTrue();
            executor.execute(() -> ran.add("own"));
            other.execute(() -> ran.add("other"));
        });

        executor.runPending();
        assertThat(ran).containsExactly("own");
        other.runPending();
        assertThat(ran).containsExactly("own", "other");
    }

    @Test
    void executeFromAnotherThreadIsQueued() throws InterruptedException {
        Thread thread = new Thread(() -> executor.execute(() -> ran.add(Thread.currentThread().getName())), "other");
        thread.start();
        thread.join();

        assertThat(ran).isEmpty();
        executor.runPending();
        assertThat(ran).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void postQueuesEvenOnTheLoop() {
        executor.run(() -> executor.post(() -> ran.add("next turn")));

        assertThat(ran).isEmpty();
        executor.runPending();
        assertThat(ran).containsExactly("next turn");
    }

    @Test
    void oneTurnRunsWhatWasQueuedBeforeItAndUntilIdleRunsTheRest() {
        executor.post(() -> {
            ran.add("first");
            executor.post(() -> {
                ran.add("second");
                executor.post(() -> ran.add("third"));
            });
        });

        assertThat(executor.runPending()).isEqualTo(1);
        assertThat(ran).containsExactly("first");
        assertThat(executor.runUntilIdle()).isEqualTo(2);
        assertThat(ran).containsExactly("first", "second", "third");
        assertThat(executor.pendingTasks()).isZero();
    }

    @Test
    void advancingTheClockRunsTheQueuedTasksToo() {
        executor.execute(() -> ran.add("queued"));
        executor.schedule(() -> ran.add("timer"), 1, TimeUnit.SECONDS);

        executor.advance(Duration.ofSeconds(1));

        assertThat(ran).containsExactly("queued", "timer");
    }

    @Test
    void aScheduledTaskRunsWhenTheClockReachesItsTime() {
        executor.schedule(() -> ran.add("later"), 100, TimeUnit.MILLISECONDS);

        executor.advance(Duration.ofMillis(99));
        assertThat(ran).isEmpty();
        assertThat(executor.pendingTimers()).isEqualTo(1);

        executor.advance(Duration.ofMillis(1));
        assertThat(ran).containsExactly("later");
        assertThat(executor.pendingTimers()).isZero();
    }

    @Test
    void theClockMovesByExactlyTheAdvance() {
        long start = executor.nanoTime();

        executor.advance(Duration.ofSeconds(3));
        executor.advance(Duration.ofNanos(7));

        assertThat(executor.nanoTime() - start).isEqualTo(3_000_000_007L);
    }

    @Test
    void aTaskSeesTheClockAtItsOwnTime() {
        long start = executor.nanoTime();
        List<Long> seen = new ArrayList<>();
        executor.schedule(() -> seen.add(executor.nanoTime() - start), 2, TimeUnit.SECONDS);

        executor.advance(Duration.ofSeconds(5));

        assertThat(seen).containsExactly(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void dueTasksRunInTimeOrderAndTiesInTheOrderTheyWereScheduled() {
        executor.schedule(() -> ran.add("c"), 3, TimeUnit.SECONDS);
        executor.schedule(() -> ran.add("a"), 1, TimeUnit.SECONDS);
        executor.schedule(() -> ran.add("b1"), 2, TimeUnit.SECONDS);
        executor.schedule(() -> ran.add("b2"), 2, TimeUnit.SECONDS);

        executor.advance(Duration.ofSeconds(10));

        assertThat(ran).containsExactly("a", "b1", "b2", "c");
    }

    @Test
    void aCancelledTaskNeverRuns() {
        ScheduledTask task = executor.schedule(() -> ran.add("cancelled"), 1, TimeUnit.SECONDS);

        task.cancel();
        executor.advance(Duration.ofSeconds(2));

        assertThat(ran).isEmpty();
        assertThat(executor.pendingTimers()).isZero();
    }

    @Test
    void aTaskScheduledByATaskRunsInTheSameAdvanceWhenItFallsDue() {
        executor.schedule(() -> {
            ran.add("first");
            executor.schedule(() -> ran.add("second"), 1, TimeUnit.SECONDS);
            executor.schedule(() -> ran.add("too late"), 10, TimeUnit.SECONDS);
        }, 1, TimeUnit.SECONDS);

        executor.advance(Duration.ofSeconds(3));

        assertThat(ran).containsExactly("first", "second");
        assertThat(executor.pendingTimers()).isEqualTo(1);
    }

    @Test
    void aRepeatingTaskRunsOncePerPeriod() {
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ran.add("tick");
            executor.schedule(tick[0], 1, TimeUnit.SECONDS);
        };
        executor.schedule(tick[0], 1, TimeUnit.SECONDS);

        executor.advance(Duration.ofMillis(5500));

        assertThat(ran).hasSize(5);
        assertThat(executor.pendingTimers()).isEqualTo(1);
    }
}
