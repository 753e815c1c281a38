package io.natrium.adapter.inprocess;

import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.SingleThreadIoEventLoop;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process listener's event loop, which a client's thread may borrow while the loop is idle: a client handing
 * the server its bytes then runs the server's side of them itself (decoding, routing, the deliveries to in-process
 * subscribers) instead of queueing them for the loop's thread and waiting for the scheduler to run that thread. On a
 * busy machine that wait is most of an in-process round trip.
 *
 * <p>Whoever runs the loop's work, its own thread or a borrower, holds the loop's lock, and {@link #inEventLoop}
 * answers true to that thread only while it runs the work: the work still runs one piece at a time, in the order it
 * was handed over, each piece seeing what the one before did. A connection stays confined to its event loop, the
 * loop being this lock rather than one thread. The loop's thread releases the lock only while it is parked.
 */
final class BorrowableEventLoop extends SingleThreadIoEventLoop {

    /** Netty's default: the loop runs tasks at most this long before it looks at its timers again. */
    private static final long TASK_QUANTUM_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ReentrantLock turn = new ReentrantLock();
    private final ParkingIoHandler parking;
    /** How long a client thread waits for another one's borrowing to end before handing its work over. */
    private final long borrowerWaitNanos;
    /** The thread running the loop's work in the loop thread's place, or null; written under the lock. */
    private volatile Thread borrower;

    BorrowableEventLoop(IoEventLoopGroup parent, Executor executor, Duration borrowerWait) {
        super(parent, executor, ParkingIoHandler.factory());
        this.parking = (ParkingIoHandler) ioHandler();
        this.borrowerWaitNanos = borrowerWait.toNanos();
    }

    @Override
    protected void run() {
        turn.lock();
        try {
            parking.initialize();
            do {
                if (isShuttingDown()) {
                    parking.prepareToDestroy();
                }
                runAllTasks(TASK_QUANTUM_NANOS);
                if (!hasTasks() && !hasScheduledTasks()) {
                    long delay = delayNanos(System.nanoTime());
                    turn.unlock();
                    try {
                        parking.park(delay);
                    } finally {
                        turn.lock();
                    }
                }
            } while (!confirmShutdown() && !canSuspend());
        } finally {
            turn.unlock();
        }
    }

    @Override
    public boolean inEventLoop(Thread thread) {
        return thread == borrower || super.inEventLoop(thread);
    }

    /**
     * Runs {@code work} on the calling thread as the loop's, and then whatever it handed the loop (flushes,
     * closes), when the loop's thread is parked and no task waits (a waiting task was handed over first and must
     * run first). Returns false, having run nothing, otherwise: the caller then hands the work over as usual. A
     * thread with an interrupt pending never borrows: the server's work would inherit it (an interrupted write to
     * the log file's channel closes that channel for every thread).
     */
    boolean runIfIdle(Runnable work) {
        Thread caller = Thread.currentThread();
        if (caller.isInterrupted() || super.inEventLoop(caller) || !takeTurn()) {
            return false;
        }
        boolean leftWork;
        // Netty's own checks (hasTasks and the timers') insist on the loop's thread: the borrower is it from here.
        borrower = caller;
        try {
            if (isShuttingDown() || hasTasks()) {
                return false;
            }
            long timerBefore = nextScheduledTaskDeadlineNanos();
            work.run();
            runAllTasks();
            leftWork = hasTasks() || earlier(nextScheduledTaskDeadlineNanos(), timerBefore);
        } finally {
            borrower = null;
            turn.unlock();
        }
        if (leftWork) {
            // The loop's thread parked before this work existed: it would not wake for it in time.
            parking.wakeLoopThread();
        }
        return true;
    }

    /**
     * The loop's lock, at once, or after a short wait when another client thread borrows it: that one holds it for a
     * few microseconds, and waiting costs one wake-up where handing the work to the loop's thread costs two (the
     * thread's own, then its wait for the same lock).
     */
    private boolean takeTurn() {
        if (turn.tryLock()) {
            return true;
        }
        if (borrower == null) {
            return false;
        }
        try {
            return turn.tryLock(borrowerWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether {@code deadline} is set and before {@code previous} (-1 meaning no timer). */
    private static boolean earlier(long deadline, long previous) {
        return deadline != -1 && (previous == -1 || deadline < previous);
    }
}
