package io.natrium.application.account;

import java.util.concurrent.atomic.LongAdder;

/**
 * Messages and bytes received from and delivered to clients, for the server or one account. Connections add to them
 * once per read batch, from many event loops at once, so they are adders: no allocation, no contended CAS on the
 * publish path.
 */
public final class TrafficCounters {

    private final LongAdder inMessages = new LongAdder();
    private final LongAdder inBytes = new LongAdder();
    private final LongAdder outMessages = new LongAdder();
    private final LongAdder outBytes = new LongAdder();

    /** What the clients published in one read batch. */
    public void addInbound(long messages, long bytes) {
        inMessages.add(messages);
        inBytes.add(bytes);
    }

    /** What one read batch delivered to subscribers. */
    public void addOutbound(long messages, long bytes) {
        outMessages.add(messages);
        outBytes.add(bytes);
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
}
