package io.natrium.domain.sublist;

/**
 * What the sublist needs to know of a subscription: the filter it was made with and its queue group, if any. Two
 * subscriptions are the same subscription when they are {@code equals}.
 */
public interface Subscription {

    /** The subscription's filter, e.g. {@code orders.*.created}. */
    String subject();

    /** The queue group, or {@code null} for a plain subscription. */
    String queue();
}
