package io.natrium.testkit.memory;

import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A session executor on a manual clock: {@link #execute} runs at once, scheduled tasks run when {@link #advance}
 * moves the clock past their time. One executor per in-memory connection, used from the test thread.
 */
public final class ManualExecutor implements SessionExecutor {

    private final List<Timer> timers = new ArrayList<>();
    private long now = 1_000_000_000L;
    private long sequence;

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public ScheduledTask schedule(Runnable task, long delay, TimeUnit unit) {
        Timer timer = new Timer(now + unit.toNanos(delay), sequence++, task);
        timers.add(timer);
        return () -> timers.remove(timer);
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Moves the clock forward, running every task that falls due, in time order. */
    public void advance(Duration duration) {
        long target = now + duration.toNanos();
        while (true) {
            Timer next = timers.stream().filter(timer -> timer.due <= target)
                    .min(Comparator.comparingLong((Timer timer) -> timer.due).thenComparingLong(timer -> timer.order))
                    .orElse(null);
            if (next == null) {
                break;
            }
            timers.remove(next);
            now = Math.max(now, next.due);
            next.task.run();
        }
        now = target;
    }

    public int pendingTimers() {
        return timers.size();
    }

    private record Timer(long due, long order, Runnable task) {
    }
}
