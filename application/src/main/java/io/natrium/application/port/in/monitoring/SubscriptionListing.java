package io.natrium.application.port.in.monitoring;

/** How much of each connection's subscriptions /connz shows. */
public enum SubscriptionListing {
    NONE,
    /** The subjects ({@code subs=true}). */
    SUBJECTS,
    /** Every subscription in detail ({@code subs=detail}). */
    DETAIL
}
