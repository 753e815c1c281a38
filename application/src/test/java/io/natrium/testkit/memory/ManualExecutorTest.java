package io.natrium.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.out.ScheduledTask;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The manual clock the in-memory transport runs sessions on. */
class ManualExecutorTest {

    private final ManualExecutor executor = new ManualExecutor();
    private final List<String> ran = new ArrayList<>();

    @Test
    void executeRunsAtOnce() {
        executor.execute(() -> ran.add("now"));

        assertThat(ran).containsExactly("now");
        assertThat(executor.pendingTimers()).isZero();
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
