package io.natrium.adapter.inprocess;

import io.natrium.adapter.protocol.NamedThreadFactory;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;

import java.util.concurrent.Executor;

/** One {@link BorrowableEventLoop} on a thread of the given name. */
final class InProcessEventLoopGroup extends MultiThreadIoEventLoopGroup {

    InProcessEventLoopGroup(String threadName) {
        super(1, new NamedThreadFactory(threadName), ParkingIoHandler.factory());
    }

    @Override
    protected IoEventLoop newChild(Executor executor, IoHandlerFactory ioHandlerFactory, Object... args) {
        return new BorrowableEventLoop(this, executor);
    }

    BorrowableEventLoop loop() {
        return (BorrowableEventLoop) next();
    }
}
