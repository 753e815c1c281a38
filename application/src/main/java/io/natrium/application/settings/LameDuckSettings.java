package io.natrium.application.settings;

import java.time.Duration;

/**
 * Lame-duck mode: a graceful shutdown that spreads client disconnects over time.
 *
 * @param duration    how long closing every client takes ({@code lame_duck_duration}, at least 30 s in files)
 * @param gracePeriod how long to wait before closing starts ({@code lame_duck_grace_period}); below duration
 */
public record LameDuckSettings(Duration duration, Duration gracePeriod) {

    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(2);
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(10);

    public static LameDuckSettings defaults() {
        return new LameDuckSettings(DEFAULT_DURATION, DEFAULT_GRACE_PERIOD);
    }

    public LameDuckSettings withDuration(Duration value) {
        return new LameDuckSettings(value, gracePeriod);
    }

    public LameDuckSettings withGracePeriod(Duration value) {
        return new LameDuckSettings(duration, value);
    }
}
