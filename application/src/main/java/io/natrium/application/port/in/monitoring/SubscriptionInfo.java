package io.natrium.application.port.in.monitoring;

/**
 * One subscription.
 *
 * @param account  its account, or null where nats-server leaves it out (subscriptions of an open connection)
 * @param queue    its queue group, or null
 * @param messages messages delivered to it so far
 * @param max      its auto-unsubscribe limit, 0 for none
 * @param clientId the connection that subscribed
 */
public record SubscriptionInfo(
        String account,
        String subject,
        String queue,
        String sid,
        long messages,
        long max,
        long clientId) {

    /** The same subscription without its account. */
    public SubscriptionInfo withoutAccount() {
        return new SubscriptionInfo(null, subject, queue, sid, messages, max, clientId);
    }
}
