package io.natrium.domain.sublist;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A sublist's shared cache of match results by literal subject, as nats-server keeps one per sublist. Reads take no
 * lock. The owning {@link Sublist} keeps it current: it stores a result while still holding the (read) lock it walked
 * the trie under, and reports every insert and remove under the write lock, so a cached result is never older than
 * the trie.
 *
 * <p>Past {@link #MAX} subjects a sweep brings it back to {@link #SWEEP_TARGET}, on the executor the sublist was
 * given so that no publisher waits for it; one sweep at a time. That executor may fall behind, refuse the work or be
 * gone (at shutdown), so past {@link #HARD_MAX} the caller sweeps itself: a flood of unique subjects (request
 * inboxes) cannot grow the cache without bound whatever the sweeper does.
 *
 * @param <S> the subscription type
 */
@HotPath
final class ResultCache<S extends Subscription> {

    static final int MAX = 1024;
    static final int SWEEP_TARGET = 256;
    static final int HARD_MAX = 2 * MAX;

    private final ConcurrentHashMap<String, SublistResult<S>> results = new ConcurrentHashMap<>();
    private final Executor sweeper;
    private final AtomicBoolean sweepScheduled = new AtomicBoolean();
    private final LongAdder hits = new LongAdder();

    ResultCache(Executor sweeper) {
        this.sweeper = sweeper;
    }

    /**
     * The cached result for a subject, counted as a cache hit; null on a miss.
     *
     * @param subject a {@code String} or a {@link io.natrium.domain.subject.SubjectView}, which probes without
     *                allocating
     */
    SublistResult<S> hit(Object subject) {
        SublistResult<S> cached = results.get(subject);
        if (cached != null) {
            hits.increment();
        }
        return cached;
    }

    /** The cached result for a subject, not counted; null on a miss. */
    SublistResult<S> peek(Object subject) {
        return results.get(subject);
    }

    /** Stores a result the caller computed under the sublist's lock, still holding it. */
    void store(String subject, SublistResult<S> result) {
        results.put(subject, result);
    }

    /**
     * Hands a sweep to the sweeper when the cache has grown past {@link #MAX} and none is under way, or sweeps on the
     * caller's thread past {@link #HARD_MAX}; called outside the sublist's lock.
     */
    void keepBounded() {
        int size = results.size();
        if (size > HARD_MAX) {
            sweep();
        } else if (size > MAX && sweepScheduled.compareAndSet(false, true)) {
            try {
                sweeper.execute(this::runScheduledSweep);
            } catch (RejectedExecutionException refused) {
                // A refused sweep is only a missed chance: the next store past MAX asks again, and HARD_MAX holds.
                sweepScheduled.set(false);
            }
        }
    }

    /** Adds a new subscription to the cached results it matches; the caller holds the sublist's write lock. */
    void added(S subscription) {
        String filter = subscription.subject();
        if (Subject.isLiteral(filter)) {
            results.computeIfPresent(filter, (subject, result) -> result.with(subscription));
            return;
        }
        for (String subject : results.keySet()) {
            if (SubjectFilter.matches(filter, subject)) {
                results.computeIfPresent(subject, (key, result) -> result.with(subscription));
            }
        }
    }

    /** Drops the cached results a removed filter matched; the caller holds the sublist's write lock. */
    void removed(String filter) {
        if (Subject.isLiteral(filter)) {
            results.remove(filter);
            return;
        }
        results.keySet().removeIf(subject -> SubjectFilter.matches(filter, subject));
    }

    void clear() {
        results.clear();
    }

    /** The sublist's counters with this cache's size, hits and fan-outs. */
    SublistStats stats(int subscriptions, long inserts, long removes, long matches) {
        int cachedSubjects = 0;
        int maxFanout = 0;
        long totalFanout = 0;
        for (SublistResult<S> result : results.values()) {
            cachedSubjects++;
            maxFanout = Math.max(maxFanout, result.fanout());
            totalFanout += result.fanout();
        }
        long cacheHits = hits.sum();
        return new SublistStats(subscriptions, cachedSubjects, inserts, removes, matches, cacheHits,
                matches == 0 ? 0 : (double) cacheHits / matches, maxFanout,
                cachedSubjects == 0 ? 0 : (double) totalFanout / cachedSubjects);
    }

    private void runScheduledSweep() {
        try {
            sweep();
        } finally {
            sweepScheduled.set(false);
        }
    }

    /** Drops arbitrary subjects down to {@link #SWEEP_TARGET}; safe alongside readers, stores and another sweep. */
    private void sweep() {
        Iterator<String> subjects = results.keySet().iterator();
        for (int excess = results.size() - SWEEP_TARGET; excess > 0 && subjects.hasNext(); excess--) {
            subjects.next();
            subjects.remove();
        }
    }
}
