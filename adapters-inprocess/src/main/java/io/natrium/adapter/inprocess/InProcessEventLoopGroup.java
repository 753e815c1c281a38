package io.natrium.adapter.inprocess;

import io.natrium.adapter.protocol.NamedThreadFactory;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;

import java.time.Duration;
import java.util.concurrent.Executor;

/** One {@link BorrowableEventLoop} on a thread of the given name. */
final class InProcessEventLoopGroup extends MultiThreadIoEventLoopGroup {

    /** A borrower holds the loop for microseconds; one preempted meanwhile is not worth waiting longer for. */
    static final Duration BORROWER_WAIT = Duration.ofMillis(1);

    InProcessEventLoopGroup(String threadName) {
        this(threadName, BORROWER_WAIT);
    }

    /** @param borrowerWait how long a client thread waits for another one's borrowing of the loop to end */
    InProcessEventLoopGroup(String threadName, Duration borrowerWait) {
        super(1, new NamedThreadFactory(threadName), ParkingIoHandler.factory(), borrowerWait);
    }

    @Override
    protected IoEventLoop newChild(Executor executor, IoHandlerFactory ioHandlerFactory, Object... args) {
        return new BorrowableEventLoop(this, executor, (Duration) args[0]);
    }

    BorrowableEventLoop loop() {
        return (BorrowableEventLoop) next();
    }
}
