package io.natrium.benchmarks;

import io.natrium.domain.sublist.Subscription;

/** A subscription with identity semantics, like the server's own. */
final class BenchSubscription implements Subscription {

    private final String subject;
    private final String queue;

    BenchSubscription(String subject, String queue) {
        this.subject = subject;
        this.queue = queue;
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public String queue() {
        return queue;
    }
}
