package io.natrium.adapter.inprocess;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event loop of each accepting in-process listener of the JVM, by name. A client registers its end of the
 * connection on its server's loop, so that its writes are read, and the server's writes reach it, without another
 * hand-off between threads.
 */
final class ListenerLoops {

    private static final Map<String, BorrowableEventLoop> LOOPS = new ConcurrentHashMap<>();

    private ListenerLoops() {
    }

    static void accepting(String name, BorrowableEventLoop loop) {
        LOOPS.put(name, loop);
    }

    static void stopped(String name, BorrowableEventLoop loop) {
        LOOPS.remove(name, loop);
    }

    /** The loop of the listener of this name, or null when none accepts under it. */
    static BorrowableEventLoop of(String name) {
        return LOOPS.get(name);
    }
}
