package io.natrium.application.session;

import io.natrium.application.account.TrafficCounters;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.HotPath;

/**
 * A connection's own traffic and activity. During a read everything is counted in plain fields on the connection's
 * thread; {@link #endBatch} adds the read's figures to the shared totals once (design §5). The totals are volatile
 * because monitoring reads them from other threads; only the connection's thread writes them.
 */
@HotPath
final class ConnectionCounters {

    private long batchMessages;
    /** When the current read's first message came; subscribers it reaches count it as their last activity. */
    private long batchClockNanos;
    private long batchBytes;
    private long batchOutMessages;
    private long batchOutBytes;
    private int batchSubscriptionChanges;
    private volatile long inMessages;
    private volatile long inBytes;
    private volatile long lastActivityNanos;
    private volatile long stalls;

    ConnectionCounters(long startNanos) {
        this.lastActivityNanos = startNanos;
    }

    /** A message from the client; the first of a read takes the read's time from {@code clock}. */
    void inbound(int bytes, SessionExecutor clock) {
        if (batchMessages++ == 0) {
            batchClockNanos = clock.nanoTime();
        }
        batchBytes += bytes;
    }

    /** Deliveries made outside a read (delayed cross-account ones) take this as their time. */
    void startBatchAt(long nanos) {
        batchClockNanos = nanos;
    }

    long batchClockNanos() {
        return batchClockNanos;
    }

    /** One delivery this client's message made; {@code bytes} as nats-server counts them server-wide. */
    void outbound(long bytes) {
        batchOutMessages++;
        batchOutBytes += bytes;
    }

    void subscriptionChanged() {
        batchSubscriptionChanges++;
    }

    /** CONNECT is activity too. */
    void active(long nanos) {
        lastActivityNanos = nanos;
    }

    void stalled() {
        stalls++;
    }

    /**
     * Ends a read: adds its figures to the server's and the account's traffic and returns whether the client was active (sent a message or
     * changed a subscription), in which case {@code nowNanos} or the read's time becomes its last activity.
     */
    boolean endBatch(TrafficCounters server, TrafficCounters account, long nowNanos) {
        boolean active = batchMessages > 0 || batchSubscriptionChanges > 0;
        if (batchMessages > 0) {
            inMessages += batchMessages;
            inBytes += batchBytes;
            server.addInbound(batchMessages, batchBytes);
            account.addInbound(batchMessages, batchBytes);
        }
        if (active) {
            // A publisher and the subscribers it reached share one activity time, as in nats-server.
            lastActivityNanos = batchMessages > 0 ? batchClockNanos : nowNanos;
        }
        if (batchOutMessages > 0) {
            server.addOutbound(batchOutMessages, batchOutBytes);
            account.addOutbound(batchOutMessages, batchOutBytes);
        }
        batchMessages = 0;
        batchBytes = 0;
        batchOutMessages = 0;
        batchOutBytes = 0;
        batchSubscriptionChanges = 0;
        return active;
    }

    long inMessages() {
        return inMessages;
    }

    long inBytes() {
        return inBytes;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    long stalls() {
        return stalls;
    }
}
