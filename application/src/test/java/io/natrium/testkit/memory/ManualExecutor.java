package io.natrium.testkit.memory;

import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One in-memory connection's event loop, on a manual clock, run by the test's thread. The loop runs while it
 * {@linkplain #run runs work} (the reads an {@link InMemoryClient} passes its session), {@link #runPending()},
 * {@link #runUntilIdle()} and {@link #advance}; work it hands itself then runs at once, as
 * {@code NettySessionExecutor} runs it on its own event loop. Work handed to it from anywhere else (another
 * connection's loop, another thread, the test's thread between two reads) is queued, as Netty queues it on the
 * channel's event loop, and runs when the loop next runs: so a session called from another connection's thread sees
 * the same hand-over it sees in production, not a re-entrant call. Timers run when {@link #advance} moves the clock
 * past their time. Tasks and timers may be handed over from any thread; the loop itself is run by one thread at a
 * time (another thread that runs it waits its turn).
 */
public final class ManualExecutor implements SessionExecutor {

    /** The loop the current thread is running, if any. */
    private static final ThreadLocal<ManualExecutor> RUNNING = new ThreadLocal<>();

    private final Object lock = new Object();
    /** Held by the thread running the loop: one thread at a time, as one event-loop thread runs a channel. */
    private final ReentrantLock running = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private final List<Runnable> tasks = new ArrayList<>();
    /** Guarded by {@link #lock}. */
    private final List<Timer> timers = new ArrayList<>();
    /** Guarded by {@link #lock}. */
    private long sequence;
    /** Written by the loop; monitoring reads a connection's clock from other threads. */
    private volatile long now = 1_000_000_000L;

    /** Runs {@code task} at once when called on this loop; queues it otherwise. */
    @Override
    public void execute(Runnable task) {
        if (inLoop()) {
            task.run();
        } else {
            post(task);
        }
    }

    /** Queues {@code task} for the loop's next turn even when called on the loop, as Netty's event loop does. */
    public void post(Runnable task) {
        synchronized (lock) {
            tasks.add(task);
        }
    }

    @Override
    public ScheduledTask schedule(Runnable task, long delay, TimeUnit unit) {
        Timer timer;
        synchronized (lock) {
            timer = new Timer(now + unit.toNanos(delay), sequence++, task);
            timers.add(timer);
        }
        return () -> {
            synchronized (lock) {
                timers.remove(timer);
            }
        };
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /**
     * Queues {@code task} for the loop's next turn, never runs it at once: Netty's transport passes through every
     * event loop first. The in-memory transport reports a client's going away at once, so nothing else is awaited.
     */
    @Override
    public void afterArrivedEvents(Runnable task) {
        post(task);
    }

    /** Whether the current thread is running this loop. */
    public boolean inLoop() {
        return RUNNING.get() == this;
    }

    /** Runs {@code work} as this loop: what it hands this executor runs at once, what it hands others queues. */
    public void run(Runnable work) {
        running.lock();
        ManualExecutor outer = RUNNING.get();
        RUNNING.set(this);
        try {
            work.run();
        } finally {
            if (outer == null) {
                RUNNING.remove();
            } else {
                RUNNING.set(outer);
            }
            running.unlock();
        }
    }

    /**
     * One turn of the loop: runs the tasks queued so far, in the order they were queued; what they queue waits for
     * the next turn. Returns how many ran.
     */
    public int runPending() {
        List<Runnable> turn;
        synchronized (lock) {
            turn = new ArrayList<>(tasks);
            tasks.clear();
        }
        turn.forEach(this::run);
        return turn.size();
    }

    /** Turns the loop until nothing is queued; returns how many tasks ran. */
    public int runUntilIdle() {
        int ran = 0;
        for (int turn = runPending(); turn > 0; turn = runPending()) {
            ran += turn;
        }
        return ran;
    }

    /**
     * Moves the clock forward with the loop running: first the queued tasks, then every timer that falls due, in time
     * order, each followed by the tasks it queued, until nothing is queued.
     */
    public void advance(Duration duration) {
        long target = now + duration.toNanos();
        runUntilIdle();
        for (Timer next = nextTimer(target); next != null; next = nextTimer(target)) {
            now = Math.max(now, next.due);
            run(next.task);
            runUntilIdle();
        }
        now = target;
    }

    /** Tasks queued and not yet run. */
    public int pendingTasks() {
        synchronized (lock) {
            return tasks.size();
        }
    }

    public int pendingTimers() {
        synchronized (lock) {
            return timers.size();
        }
    }

    /** Takes the earliest timer due by {@code target}, or null. */
    private Timer nextTimer(long target) {
        synchronized (lock) {
            Timer next = timers.stream().filter(timer -> timer.due <= target)
                    .min(Comparator.comparingLong((Timer timer) -> timer.due).thenComparingLong(timer -> timer.order))
                    .orElse(null);
            if (next != null) {
                timers.remove(next);
            }
            return next;
        }
    }

    private record Timer(long due, long order, Runnable task) {
    }
}
