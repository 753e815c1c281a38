package io.natrium.application.port.in.monitoring;

/**
 * What /subsz asks for.
 *
 * @param subscriptions list the subscriptions, not just the statistics
 * @param offset        how many to skip; negative counts as 0
 * @param limit         how many to return at most; 0 or less means 1024
 * @param test          only subscriptions a message on this literal subject would reach, empty for all
 * @param account       only this account, empty for all
 */
public record SubscriptionQuery(boolean subscriptions, int offset, int limit, String test, String account) {

    public static final int DEFAULT_LIMIT = 1024;

    public static SubscriptionQuery defaults() {
        return new SubscriptionQuery(false, 0, 0, "", "");
    }
}
