package io.natrium.application.session;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Server-wide counters. Connections add their inbound counts once per read, not once per message. */
public final class ServerStatistics {

    private final LongAdder inMessages = new LongAdder();
    private final LongAdder inBytes = new LongAdder();
    private final LongAdder outMessages = new LongAdder();
    private final LongAdder outBytes = new LongAdder();
    private final AtomicLong totalConnections = new AtomicLong();
    private final AtomicLong slowConsumers = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong staleConnections = new AtomicLong();

    void addInbound(long messages, long bytes) {
        inMessages.add(messages);
        inBytes.add(bytes);
    }

    void addOutbound(long messages, long bytes) {
        outMessages.add(messages);
        outBytes.add(bytes);
    }

    void connectionOpened() {
        totalConnections.incrementAndGet();
    }

    void slowConsumer() {
        slowConsumers.incrementAndGet();
    }

    void stall() {
        stalls.incrementAndGet();
    }

    void staleConnection() {
        staleConnections.incrementAndGet();
    }

    public long inMessages() {
        return inMessages.sum();
    }

    public long inBytes() {
        return inBytes.sum();
    }

    public long outMessages() {
        return outMessages.sum();
    }

    public long outBytes() {
        return outBytes.sum();
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
