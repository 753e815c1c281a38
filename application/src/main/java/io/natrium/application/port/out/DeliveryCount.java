package io.natrium.application.port.out;

/**
 * A subscription's count of the messages delivered to it, kept by its subscriber's outbound under the lock the
 * delivery takes anyway (as nats-server counts under the subscriber's lock): publishers on any number of threads
 * count exactly without an atomic operation of their own, and the auto-unsubscribe limit is never overshot.
 */
public interface DeliveryCount {

    /** Counts nothing and has no limit: for deliveries that belong to no subscription's count. */
    DeliveryCount UNCOUNTED = new Uncounted();

    /** Counts one more message; called only under the outbound's lock. Returns the new count. */
    long countOne();

    /** The auto-unsubscribe limit, 0 for none. */
    long limit();

    /** The count of {@link #UNCOUNTED}. */
    record Uncounted() implements DeliveryCount {

        @Override
        public long countOne() {
            return 1;
        }

        @Override
        public long limit() {
            return 0;
        }
    }
}
