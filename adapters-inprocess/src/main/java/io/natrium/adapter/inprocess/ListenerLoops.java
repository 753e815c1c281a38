package io.natrium.adapter.inprocess;

import io.netty.channel.EventLoop;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event loop of each accepting in-process listener of the JVM, by name. A client registers its end of the
 * connection on its server's loop, so that its writes are read, and the server's writes reach it, without another
 * hand-off between threads.
 */
final class ListenerLoops {

    private static final Map<String, EventLoop> LOOPS = new ConcurrentHashMap<>();

    private ListenerLoops() {
    }

    static void accepting(String name, EventLoop loop) {
        LOOPS.put(name, loop);
    }

    static void stopped(String name, EventLoop loop) {
        LOOPS.remove(name, loop);
    }

    /** The loop of the listener of this name, or null when none accepts under it. */
    static EventLoop of(String name) {
        return LOOPS.get(name);
    }
}
