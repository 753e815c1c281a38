package io.natrium.application.settings;

import java.time.Duration;

/**
 * How writes to slow clients are bounded.
 *
 * @param deadline            how long a socket may refuse to drain before the client is a slow consumer
 *                            ({@code write_deadline})
 * @param timeoutPolicy       what to do when the deadline passes ({@code write_timeout})
 * @param noFastProducerStall true not to stall fast producers when a subscriber falls behind
 *                            ({@code no_fast_producer_stall})
 */
public record WriteSettings(Duration deadline, WriteTimeoutPolicy timeoutPolicy, boolean noFastProducerStall) {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    public static WriteSettings defaults() {
        return new WriteSettings(DEFAULT_DEADLINE, WriteTimeoutPolicy.DEFAULT, false);
    }

    public WriteSettings withDeadline(Duration value) {
        return new WriteSettings(value, timeoutPolicy, noFastProducerStall);
    }

    public WriteSettings withTimeoutPolicy(WriteTimeoutPolicy value) {
        return new WriteSettings(deadline, value, noFastProducerStall);
    }

    public WriteSettings withNoFastProducerStall(boolean value) {
        return new WriteSettings(deadline, timeoutPolicy, value);
    }
}
