package io.natrium.application.settings;

/**
 * Size and count limits for clients.
 *
 * @param maxControlLine   the longest protocol line arguments in bytes ({@code max_control_line})
 * @param maxPayload       the largest message payload in bytes ({@code max_payload})
 * @param maxPending       the most bytes queued for one client before it is a slow consumer ({@code max_pending})
 * @param maxConnections   the most client connections ({@code max_connections}); negative refuses every client
 * @param maxSubscriptions the most subscriptions per connection ({@code max_subscriptions}), 0 for no limit
 * @param maxSubTokens     the most tokens in a subscription subject ({@code max_sub_tokens}), 0 for no limit
 * @param maxClosedClients how many closed connections monitoring remembers ({@code max_closed_clients})
 */
public record LimitSettings(
        int maxControlLine,
        int maxPayload,
        long maxPending,
        int maxConnections,
        int maxSubscriptions,
        int maxSubTokens,
        int maxClosedClients) {

    public static final int DEFAULT_MAX_CONTROL_LINE = 4096;
    public static final int DEFAULT_MAX_PAYLOAD = 1024 * 1024;
    /** Above this nats-server warns that payloads are discouraged (8 MB). */
    public static final int MAX_PAYLOAD_WARNING_SIZE = 8 * 1024 * 1024;
    public static final long DEFAULT_MAX_PENDING = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 64 * 1024;
    public static final int DEFAULT_MAX_CLOSED_CLIENTS = 10_000;

    public static LimitSettings defaults() {
        return new LimitSettings(DEFAULT_MAX_CONTROL_LINE, DEFAULT_MAX_PAYLOAD, DEFAULT_MAX_PENDING,
                DEFAULT_MAX_CONNECTIONS, 0, 0, DEFAULT_MAX_CLOSED_CLIENTS);
    }

    public LimitSettings withMaxControlLine(int value) {
        return new LimitSettings(value, maxPayload, maxPending, maxConnections, maxSubscriptions, maxSubTokens,
                maxClosedClients);
    }

    public LimitSettings withMaxPayload(int value) {
        return new LimitSettings(maxControlLine, value, maxPending, maxConnections, maxSubscriptions, maxSubTokens,
                maxClosedClients);
    }

    public LimitSettings withMaxPending(long value) {
        return new LimitSettings(maxControlLine, maxPayload, value, maxConnections, maxSubscriptions, maxSubTokens,
                maxClosedClients);
    }

    public LimitSettings withMaxConnections(int value) {
        return new LimitSettings(maxControlLine, maxPayload, maxPending, value, maxSubscriptions, maxSubTokens,
                maxClosedClients);
    }

    public LimitSettings withMaxSubscriptions(int value) {
        return new LimitSettings(maxControlLine, maxPayload, maxPending, maxConnections, value, maxSubTokens,
                maxClosedClients);
    }

    public LimitSettings withMaxSubTokens(int value) {
        return new LimitSettings(maxControlLine, maxPayload, maxPending, maxConnections, maxSubscriptions, value,
                maxClosedClients);
    }

    public LimitSettings withMaxClosedClients(int value) {
        return new LimitSettings(maxControlLine, maxPayload, maxPending, maxConnections, maxSubscriptions,
                maxSubTokens, value);
    }
}
