package io.natrium.domain.permission;

import java.time.Duration;

/**
 * {@code allow_responses}: the client may publish to the reply subject of a message it received, a limited number of
 * times and for a limited time. Zero values take nats-server's defaults (1 message, 2 minutes), as its configuration
 * does; negative values mean no limit.
 *
 * @param maxMessages how many responses per received reply subject; negative for no limit
 * @param expires     how long after delivery the reply subject may be answered; negative for ever
 */
public record ResponsePermission(int maxMessages, Duration expires) {

    public static final int DEFAULT_MAX_MESSAGES = 1;
    public static final Duration DEFAULT_EXPIRES = Duration.ofMinutes(2);

    public ResponsePermission {
        if (maxMessages == 0) {
            maxMessages = DEFAULT_MAX_MESSAGES;
        }
        if (expires == null || expires.isZero()) {
            expires = DEFAULT_EXPIRES;
        }
    }

    /** {@code allow_responses: true}. */
    public static ResponsePermission defaults() {
        return new ResponsePermission(DEFAULT_MAX_MESSAGES, DEFAULT_EXPIRES);
    }

    /** True when {@code published} responses use up the permission. */
    boolean exhaustedBy(int published) {
        return maxMessages > 0 && published >= maxMessages;
    }

    /** True when a reply tracked at {@code trackedNanos} can no longer be answered at {@code nowNanos}. */
    boolean expiredAt(long trackedNanos, long nowNanos) {
        return !expires.isNegative() && nowNanos - trackedNanos > saturatedNanos(expires);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
