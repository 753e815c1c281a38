package io.natrium.domain.permission;

import io.natrium.domain.HotPath;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's cache of delivery-time deny decisions (nats-server's {@code dcache}), keyed by queue and subject:
 * at most {@link #MAX_ENTRIES}; past that, {@link #PRUNE_COUNT} entries are dropped, as nats-server's
 * {@code pruneDenyCache} drops them. It holds only what {@link Permissions#deliveryDenied} answered, so a hit can never
 * differ from a fresh check.
 *
 * <p>Keyed first by queue (the subscription's own string, "" for plain) so the subject can be probed with a
 * {@link io.natrium.domain.subject.SubjectView} without building a key. Thread-safe without locks: every publisher
 * delivering to the connection checks here, each on its own event loop.
 */
@HotPath
final class DeliveryDenyCache {

    /** nats-server's {@code maxDenyPermCacheSize}. */
    static final int MAX_ENTRIES = 256;
    /** nats-server's prune loop deletes one more than its {@code pruneSize} of 32. */
    static final int PRUNE_COUNT = 33;

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Boolean>> byQueue = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** The cached decision, or null. */
    Boolean get(Object subject, String queue) {
        Map<String, Boolean> decisions = byQueue.get(queue);
        return decisions == null ? null : decisions.get(subject);
    }

    void put(String subject, String queue, boolean denied) {
        ConcurrentHashMap<String, Boolean> decisions = byQueue.get(queue);
        if (decisions == null) {
            decisions = byQueue.computeIfAbsent(queue, ignored -> new ConcurrentHashMap<>());
        }
        if (decisions.put(subject, denied) == null && size.incrementAndGet() > MAX_ENTRIES) {
            prune();
        }
    }

    int size() {
        int total = 0;
        for (Map<String, Boolean> decisions : byQueue.values()) {
            total += decisions.size();
        }
        return total;
    }

    private void prune() {
        int removed = 0;
        for (Iterator<? extends Map<String, Boolean>> queues = byQueue.values().iterator();
                queues.hasNext() && removed < PRUNE_COUNT; ) {
            Iterator<String> subjects = queues.next().keySet().iterator();
            while (subjects.hasNext() && removed < PRUNE_COUNT) {
                subjects.next();
                subjects.remove();
                removed++;
            }
        }
        size.addAndGet(-removed);
    }
}
