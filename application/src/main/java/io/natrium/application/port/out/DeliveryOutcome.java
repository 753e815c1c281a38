package io.natrium.application.port.out;

/** What became of one delivery. */
public enum DeliveryOutcome {
    /** Queued. */
    DELIVERED,
    /** Queued, but the client's pending bytes passed 75% of its limit: its producers should slow down. */
    DELIVERED_SLOW_DOWN,
    /** Not queued: the connection is closed or closing (possibly because this message made it a slow consumer). */
    DROPPED,
    /** Not queued: the subscription had already had the messages its auto-unsubscribe limit allows. */
    OVER_LIMIT
}
