package io.natrium.adapter.protocol;

import io.natrium.application.settings.ServerSettings;

import java.time.Duration;

/** Outbound limits that no reload changes. */
final class FixedLimits {

    private FixedLimits() {
    }

    static OutboundLimits of(long maxPending, long writeDeadlineNanos) {
        ServerSettings settings = ServerSettings.builder().maxPending(maxPending)
                .writeDeadline(Duration.ofNanos(writeDeadlineNanos)).build();
        return new OutboundLimits(() -> settings, PendingBudget.unlimited());
    }
}
