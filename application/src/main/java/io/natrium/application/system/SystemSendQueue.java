package io.natrium.application.system;

import io.natrium.application.port.out.EventServer;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.SystemClient;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nats-server's {@code sendq}: what the system account publishes is handed here from any thread and published, in
 * order, on the system client's thread, where each message gets its sequence number and time as nats-server's
 * {@code internalSendLoop} stamps them. Bounded: past {@link #MAX_QUEUED} waiting messages new ones are dropped
 * (and the drop logged), so a burst of events can never hold memory without end or stall the thread that caused it.
 */
final class SystemSendQueue {

    private static final Logger LOG = LoggerFactory.getLogger(SystemSendQueue.class);
    static final int MAX_QUEUED = 65_536;

    private final ServerContext server;
    private final SystemClient client;
    private final SessionExecutor executor;
    private final AtomicInteger queued = new AtomicInteger();
    private long sequence;
    private volatile boolean stopped;

    SystemSendQueue(ServerContext server, SystemClient client) {
        this.server = server;
        this.client = client;
        this.executor = client.executor();
    }

    /** Runs {@code work} on the system client's thread, behind what is already queued; false when dropped. */
    boolean offer(Runnable work) {
        if (stopped) {
            return false;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            LOG.warn("System account send queue full ({} messages): an event was dropped", MAX_QUEUED);
            return false;
        }
        executor.execute(() -> {
            queued.decrementAndGet();
            work.run();
        });
        return true;
    }

    /** Publishes in the system account; on the system client's thread. */
    void publish(String subject, String reply, Function<EventServer, byte[]> payload) {
        client.publish(subject, reply, payload.apply(stamp()));
    }

    /** Nothing more is accepted: the server is shutting down. */
    void stop() {
        stopped = true;
    }

    private EventServer stamp() {
        return new EventServer(server.identity().name(), server.settings().host(), server.identity().id(),
                server.identity().version(), ++sequence, false, Instant.now());
    }
}
