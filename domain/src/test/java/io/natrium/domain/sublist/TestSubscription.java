package io.natrium.domain.sublist;

/** A subscription for tests; the name keeps two subscriptions on the same filter apart. */
record TestSubscription(String subject, String queue, String name) implements Subscription {

    static TestSubscription plain(String subject) {
        return new TestSubscription(subject, null, subject);
    }

    static TestSubscription plain(String subject, String name) {
        return new TestSubscription(subject, null, name);
    }

    static TestSubscription queued(String subject, String queue, String name) {
        return new TestSubscription(subject, queue, name);
    }

    @Override
    public String toString() {
        return queue == null ? name : name + "@" + queue;
    }
}
