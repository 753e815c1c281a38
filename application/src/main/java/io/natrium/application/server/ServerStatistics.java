package io.natrium.application.server;

import io.natrium.application.account.TrafficCounters;

import java.util.concurrent.atomic.AtomicLong;

/** Server-wide counters. Connections add their inbound counts once per read, not once per message. */
public final class ServerStatistics {

    private final TrafficCounters traffic = new TrafficCounters();
    private final AtomicLong totalConnections = new AtomicLong();
    private final AtomicLong slowConsumers = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong staleConnections = new AtomicLong();

    /** Messages and bytes in and out, server-wide. */
    public TrafficCounters traffic() {
        return traffic;
    }

    public void connectionOpened() {
        totalConnections.incrementAndGet();
    }

    public void slowConsumer() {
        slowConsumers.incrementAndGet();
    }

    public void stall() {
        stalls.incrementAndGet();
    }

    public void staleConnection() {
        staleConnections.incrementAndGet();
    }

    public long totalConnections() {
        return totalConnections.get();
    }

    public long slowConsumers() {
        return slowConsumers.get();
    }

    public long stalls() {
        return stalls.get();
    }

    /** Connections closed because they stopped answering PINGs. */
    public long staleConnections() {
        return staleConnections.get();
    }
}
