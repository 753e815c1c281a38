package io.natrium.application.account;

/**
 * Where a publisher's thread hands a subscription that reached its auto-unsubscribe limit: the subscribing
 * connection's table, which removes it on the connection's own thread.
 */
@FunctionalInterface
public interface SubscriptionExpiry {

    void expire(ClientSubscription subscription);
}
