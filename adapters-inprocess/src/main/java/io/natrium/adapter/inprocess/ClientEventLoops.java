package io.natrium.adapter.inprocess;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalIoHandler;

/**
 * The event loops of every in-process client in the JVM: a client's reads and writes are handed to the caller's own
 * thread at once, so one small group of daemon threads serves them all, whichever server they talk to.
 */
final class ClientEventLoops {

    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
            Math.min(2, Runtime.getRuntime().availableProcessors()),
            new NamedThreadFactory("natrium-inprocess-client", true), LocalIoHandler.newFactory());

    private ClientEventLoops() {
    }

    static EventLoopGroup group() {
        return GROUP;
    }
}
