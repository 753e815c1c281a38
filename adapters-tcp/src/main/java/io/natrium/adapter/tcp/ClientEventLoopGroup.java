package io.natrium.adapter.tcp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The client event loops, which place a new client on the loop that accepted it unless that loop already holds more
 * clients than the least busy one (by more than {@link #SLACK}); then on the least busy one.
 *
 * <p>Netty's round robin sends every other client to another loop than the acceptor's: the accepted socket is
 * handed over through that loop's task queue and the loop is woken, and only then can it send INFO. On a busy
 * machine waking a second thread is what a handshake waits for longest. nats-server runs a new client's first steps
 * in a goroutine its scheduler starts on the accepting thread. Here a client that comes and goes while few are
 * connected (connection churn) is handled by the thread that accepted it, with no hand-off, while long-lived clients
 * still spread over all loops, to within {@link #SLACK} + 1 of each other.
 */
final class ClientEventLoopGroup extends MultiThreadIoEventLoopGroup {

    /** How many more clients the accepting loop may hold than the least busy one and still take a new client. */
    static final int SLACK = 1;

    private final EventLoop[] loops;
    /** Open client channels per loop, by the index in {@link #loops}. */
    private final AtomicIntegerArray clients;
    /** One per loop, so that counting a close allocates nothing per channel. */
    private final ChannelFutureListener[] closeCounters;

    ClientEventLoopGroup(int threads, ThreadFactory threadFactory, IoHandlerFactory ioHandlerFactory) {
        super(threads, threadFactory, ioHandlerFactory);
        List<EventLoop> children = new ArrayList<>();
        for (EventExecutor child : this) {
            children.add((EventLoop) child);
        }
        loops = children.toArray(EventLoop[]::new);
        clients = new AtomicIntegerArray(loops.length);
        closeCounters = new ChannelFutureListener[loops.length];
        for (int i = 0; i < loops.length; i++) {
            int index = i;
            closeCounters[i] = closed -> clients.decrementAndGet(index);
        }
    }

    @Override
    public ChannelFuture register(Channel channel) {
        if (channel instanceof ServerChannel) {
            return super.register(channel);
        }
        int index = choose();
        clients.incrementAndGet(index);
        channel.closeFuture().addListener(closeCounters[index]);
        return loops[index].register(channel);
    }

    /** Open clients on each loop, in the group's order. */
    int[] clientsPerLoop() {
        int[] counts = new int[loops.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = clients.get(i);
        }
        return counts;
    }

    /** The accepting loop (the caller's), unless it holds more than {@link #SLACK} above the least busy loop. */
    private int choose() {
        int self = -1;
        int least = 0;
        for (int i = 0; i < loops.length; i++) {
            if (loops[i].inEventLoop()) {
                self = i;
            }
            if (clients.get(i) < clients.get(least)) {
                least = i;
            }
        }
        return self >= 0 && clients.get(self) <= clients.get(least) + SLACK ? self : least;
    }
}
