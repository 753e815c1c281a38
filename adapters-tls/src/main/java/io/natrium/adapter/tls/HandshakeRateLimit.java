package io.natrium.adapter.tls;

import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nats-server's {@code rateCounter} for {@code connection_rate_limit}: at most {@code limit} TLS handshakes begun
 * per one-second window, the window starting with the first attempt after the last one ended. The handshakes it
 * refused are logged as nats-server's ticker logs them, {@code Rejected N connections due to TLS rate limiting},
 * once their window is over (at the next attempt, where nats-server's ticker says it within the second).
 */
public final class HandshakeRateLimit {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeRateLimit.class);
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final long limit;
    private final LongSupplier nanoTime;
    private long count;
    private long blocked;
    private long end;
    private boolean started;

    HandshakeRateLimit(long limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    static HandshakeRateLimit perSecond(long limit) {
        return new HandshakeRateLimit(limit, System::nanoTime);
    }

    /** Whether a handshake may begin now; a refusal is counted for the log. */
    public boolean allow() {
        long blockedBefore = 0;
        boolean allow;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (!started || now - end > 0) {
                started = true;
                count = 0;
                end = now + WINDOW_NANOS;
                blockedBefore = blocked;
                blocked = 0;
            } else {
                count++;
            }
            allow = count < limit;
            if (!allow) {
                blocked++;
            }
        }
        if (blockedBefore > 0) {
            LOG.warn("Rejected {} connections due to TLS rate limiting", blockedBefore);
        }
        return allow;
    }
}
