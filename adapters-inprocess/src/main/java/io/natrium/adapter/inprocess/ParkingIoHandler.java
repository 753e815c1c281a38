package io.natrium.adapter.inprocess;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import io.netty.channel.local.LocalIoHandler;
import io.netty.util.concurrent.ThreadAwareExecutor;

import java.util.concurrent.locks.LockSupport;

/**
 * Netty's local I/O handler for the channels' registrations, with the waiting taken out of it: a
 * {@link BorrowableEventLoop} parks its thread itself, after releasing its lock, so that a client thread may run the
 * loop's work meanwhile. This handler only wakes that thread when another thread hands the loop a task.
 */
final class ParkingIoHandler implements IoHandler {

    private final IoHandler registrations;
    private final ThreadAwareExecutor executor;
    private volatile Thread loopThread;

    private ParkingIoHandler(IoHandler registrations, ThreadAwareExecutor executor) {
        this.registrations = registrations;
        this.executor = executor;
    }

    static IoHandlerFactory factory() {
        IoHandlerFactory local = LocalIoHandler.newFactory();
        return executor -> new ParkingIoHandler(local.newHandler(executor), executor);
    }

    /** Called on the loop's thread as it starts. */
    @Override
    public void initialize() {
        loopThread = Thread.currentThread();
        registrations.initialize();
    }

    /** The loop waits in {@link #park}, outside its lock; nothing calls this. */
    @Override
    public int run(IoHandlerContext context) {
        throw new UnsupportedOperationException("a borrowable event loop parks itself");
    }

    void park(long nanos) {
        LockSupport.parkNanos(this, nanos);
    }

    @Override
    public void wakeup() {
        if (!executor.isExecutorThread(Thread.currentThread())) {
            wakeLoopThread();
        }
    }

    /** Wakes the loop's thread whoever asks, a borrower leaving work behind included. */
    void wakeLoopThread() {
        Thread thread = loopThread;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void prepareToDestroy() {
        registrations.prepareToDestroy();
    }

    @Override
    public void destroy() {
        registrations.destroy();
    }

    @Override
    public IoRegistration register(IoHandle handle) throws Exception {
        return registrations.register(handle);
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
        return registrations.isCompatible(handleType);
    }
}
