package io.natrium.domain.jwt;

/**
 * An account JWT's {@code limits} that a server without JetStream and clustering enforces: subscriptions, data,
 * payload and connections (-1 for none; 0 when absent), imports, exports, wildcard exports and bearer tokens.
 */
public record AccountLimits(long subscriptions, long data, long payload, long imports, long exports,
        boolean wildcardExports, boolean disallowBearer, long connections, long leafConnections) {

    public static final long NO_LIMIT = -1;

    /**
     * The library's {@code OperatorLimits.IsEmpty}, without the JetStream limits Natrium does not read: nothing set,
     * as an account JWT without {@code limits} has it.
     */
    public boolean isEmpty() {
        return subscriptions == 0 && data == 0 && payload == 0 && imports == 0 && exports == 0 && !wildcardExports
                && !disallowBearer && connections == 0 && leafConnections == 0;
    }

    static AccountLimits read(JsonFields limits) {
        return new AccountLimits(limits.int64("subs"), limits.int64("data"), limits.int64("payload"),
                limits.int64("imports"), limits.int64("exports"), limits.bool("wildcards"),
                limits.bool("disallow_bearer"), limits.int64("conn"), limits.int64("leaf"));
    }
}
