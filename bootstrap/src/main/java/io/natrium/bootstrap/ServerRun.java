package io.natrium.bootstrap;

import io.natrium.application.port.in.ReloadResult;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One server process from the moment its signals are handled to its exit, so that a signal does what nats-server's
 * would however far the start has got. Signals are handled before the slow part of the start (the JVM's own
 * handlers would exit 130 or 143 meanwhile); a stop that comes before the server is wired finds nothing to clean up
 * and exits at once; one that comes while it starts waits for the start to end, so that no PID or ports file is
 * written after the shutdown removed them; later ones shut down gracefully first. Other signals act once the
 * server has started.
 *
 * <p>The exit status is chosen by the stop, before the shutdown lets the main thread go on to exit with it: SIGINT
 * exits 0, SIGTERM 1 (nats-server 2.9.10 calls {@code os.Exit(1)} after its shutdown), the end of lame-duck mode 0.
 */
final class ServerRun {

    /** What signals act on: the server, once it is wired. */
    interface Target {

        void shutdown();

        boolean isLameDuckMode();

        void enterLameDuckMode();

        ReloadResult reload();
    }

    private static final int INTERRUPTED = 0;
    private static final int TERMINATED = 1;
    private static final int RUNNING = -1;

    private final IntConsumer exit;
    private final Object lock = new Object();
    private final CountDownLatch started = new CountDownLatch(1);
    /** Guarded by lock. */
    private Target target;
    /** Guarded by lock; RUNNING until a stop chooses the exit status. */
    private int exitStatus = RUNNING;

    ServerRun(IntConsumer exit) {
        this.exit = exit;
    }

    /**
     * The server is wired and about to start; false when a stop came first, in which case the process is exiting
     * and the caller should exit with {@link #exitStatus()} rather than start anything.
     */
    boolean attach(Target server) {
        synchronized (lock) {
            if (exitStatus != RUNNING) {
                return false;
            }
            target = server;
            return true;
        }
    }

    /** The server has started; signals waiting for that act now. Not called when the start failed. */
    void started() {
        started.countDown();
    }

    /** Whether a server is attached (from then on, logging has been set up and signals may log). */
    boolean attached() {
        synchronized (lock) {
            return target != null;
        }
    }

    /** SIGINT: shut down and exit 0. */
    void interrupt() {
        stop(INTERRUPTED, false);
    }

    /** SIGTERM: shut down and exit 1, unless lame-duck mode is under way, which ends in its own shutdown. */
    void terminate() {
        stop(TERMINATED, true);
    }

    /**
     * Runs {@code action} on the server once it has started; blocks the caller until then. Never runs it when the
     * start fails, as the process exits then.
     */
    void whenStarted(Consumer<Target> action) throws InterruptedException {
        started.await();
        Target server;
        synchronized (lock) {
            server = target;
        }
        action.accept(server);
    }

    /** The status to exit with once the server has terminated: the stop's, or 0 after lame-duck mode. */
    int exitStatus() {
        synchronized (lock) {
            return exitStatus == RUNNING ? 0 : exitStatus;
        }
    }

    private void stop(int status, boolean notInLameDuckMode) {
        Target server;
        synchronized (lock) {
            if (exitStatus != RUNNING || notInLameDuckMode && target != null && target.isLameDuckMode()) {
                return;
            }
            exitStatus = status;
            server = target;
        }
        if (server != null) {
            try {
                started.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.shutdown();
        }
        exit.accept(status);
    }
}
