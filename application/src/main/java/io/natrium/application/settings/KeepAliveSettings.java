package io.natrium.application.settings;

import java.time.Duration;

/**
 * How idle clients are checked.
 *
 * @param pingInterval how often an idle client is pinged ({@code ping_interval})
 * @param maxPingsOut  how many pings may go unanswered before the connection is stale ({@code ping_max})
 */
public record KeepAliveSettings(Duration pingInterval, int maxPingsOut) {

    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofMinutes(2);
    public static final int DEFAULT_PING_MAX = 2;

    public static KeepAliveSettings defaults() {
        return new KeepAliveSettings(DEFAULT_PING_INTERVAL, DEFAULT_PING_MAX);
    }

    public KeepAliveSettings withPingInterval(Duration value) {
        return new KeepAliveSettings(value, maxPingsOut);
    }

    public KeepAliveSettings withMaxPingsOut(int value) {
        return new KeepAliveSettings(pingInterval, value);
    }
}
