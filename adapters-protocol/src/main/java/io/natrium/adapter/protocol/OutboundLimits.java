package io.natrium.adapter.protocol;

import io.natrium.application.settings.ServerSettings;

import java.util.function.Supplier;

/**
 * The limits on what waits to be sent to clients, read from the server's current settings each time they are
 * applied rather than captured at start, so that a reload reaches them: {@code max_pending} when a connection is
 * created (as nats-server does, and a reload refuses to change it anyway), {@code write_deadline} whenever a
 * connection arms or checks it, so a reloaded deadline applies to connections already open as well as new ones.
 * And the server-wide {@link PendingBudget} all connections' pending data shares.
 */
public final class OutboundLimits {

    private final Supplier<ServerSettings> settings;
    private final PendingBudget budget;

    /**
     * @param settings the server's settings as they are now (after the last reload)
     * @param budget   the limit on all clients' pending data together
     */
    public OutboundLimits(Supplier<ServerSettings> settings, PendingBudget budget) {
        this.settings = settings;
        this.budget = budget;
    }

    PendingBudget budget() {
        return budget;
    }

    long maxPending() {
        return settings.get().maxPending();
    }

    /** {@code max_payload} as it is now: what another transport sizes its own frames by. */
    public int maxPayload() {
        return settings.get().maxPayload();
    }

    /** The write deadline in nanoseconds; 0 or less for none. */
    long writeDeadlineNanos() {
        return settings.get().writeDeadline().toNanos();
    }
}
