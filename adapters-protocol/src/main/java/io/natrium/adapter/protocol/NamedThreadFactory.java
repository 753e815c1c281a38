package io.natrium.adapter.protocol;

import io.netty.util.concurrent.FastThreadLocalThread;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event-loop threads named {@code <prefix>-<n>}, so thread dumps say what they are; one factory for every listener
 * (client, WebSocket, MQTT, in-process).
 */
public final class NamedThreadFactory implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();

    public NamedThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new FastThreadLocalThread(task, prefix + "-" + next.incrementAndGet());
        thread.setDaemon(false);
        return thread;
    }
}
