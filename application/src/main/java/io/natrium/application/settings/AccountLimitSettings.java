package io.natrium.application.settings;

/**
 * Limits of one account ({@code limits}); -1 means no limit.
 *
 * @param maxConnections   the most connections
 * @param maxSubscriptions the most subscriptions
 * @param maxPayload       the largest payload
 * @param maxLeafNodes     the most leaf node connections
 */
public record AccountLimitSettings(int maxConnections, int maxSubscriptions, int maxPayload, int maxLeafNodes) {

    public static AccountLimitSettings unlimited() {
        return new AccountLimitSettings(-1, -1, -1, -1);
    }
}
