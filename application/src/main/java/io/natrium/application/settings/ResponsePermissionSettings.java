package io.natrium.application.settings;

import java.time.Duration;

/**
 * Permission to publish to reply subjects of requests received ({@code allow_responses}).
 *
 * @param maxMessages how many responses per request; negative for no limit
 * @param expires     how long the permission lasts; negative for ever
 */
public record ResponsePermissionSettings(int maxMessages, Duration expires) {

    public static final int DEFAULT_MAX_MESSAGES = 1;
    public static final Duration DEFAULT_EXPIRES = Duration.ofMinutes(2);

    public static ResponsePermissionSettings defaults() {
        return new ResponsePermissionSettings(DEFAULT_MAX_MESSAGES, DEFAULT_EXPIRES);
    }
}
