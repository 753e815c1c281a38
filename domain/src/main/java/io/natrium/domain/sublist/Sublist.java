package io.natrium.domain.sublist;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The subscriptions of one account, stored in a trie keyed by token, matched against literal subjects.
 *
 * <p>Thread-safe: this class owns the lock over the {@link Trie} and the generation id. Changes take the write lock;
 * matches read the shared result cache without any lock and walk the trie under the read lock on a miss. The cache
 * (swept back to {@link #CACHE_SWEEP_TARGET} past {@link #CACHE_MAX} subjects on the executor given, and on the
 * caller's thread past twice that) is kept current by every insert and remove, as in nats-server. Every change also
 * bumps the {@link #generation() generation id}, which is what per-connection {@link MatchCache}s check to know their
 * copies are stale.
 *
 * @param <S> the subscription type
 */
@HotPath
public final class Sublist<S extends Subscription> {

    /** The most subjects the shared cache holds before it is swept. */
    public static final int CACHE_MAX = ResultCache.MAX;
    /** The size a sweep brings the shared cache back to. */
    public static final int CACHE_SWEEP_TARGET = ResultCache.SWEEP_TARGET;
    /** The number of plain subscriptions on one node from which they are also kept in a flat array. */
    public static final int FLAT_LIST_MIN = 256;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Trie<S> trie = new Trie<>();
    private final ResultCache<S> cache;
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder matches = new LongAdder();
    private volatile int count;
    private volatile long inserts;
    private volatile long removes;

    /**
     * @param cacheEnabled whether to keep the shared result cache (nats-server's {@code no_sublist_cache} turns it off)
     * @param sweeper      where cache sweeps run, supplied by whoever owns the threads (the domain starts none);
     *                     {@code Runnable::run} sweeps on the caller's thread
     */
    public Sublist(boolean cacheEnabled, Executor sweeper) {
        this.cache = cacheEnabled ? new ResultCache<>(sweeper) : null;
    }

    /** A sublist with the shared cache, swept on {@code sweeper}. */
    public static <S extends Subscription> Sublist<S> withCache(Executor sweeper) {
        return new Sublist<>(true, sweeper);
    }

    /** A sublist without the shared cache. */
    public static <S extends Subscription> Sublist<S> withoutCache() {
        return new Sublist<>(false, Runnable::run);
    }

    public boolean isCacheEnabled() {
        return cache != null;
    }

    /** Bumped by every change; a result obtained under an older generation may be stale. */
    public long generation() {
        return generation.get();
    }

    /** The number of subscriptions held. */
    public int count() {
        return count;
    }

    /**
     * Adds a subscription under its filter.
     *
     * @return false when this subscription was already present
     * @throws InvalidSubjectException when the filter is not a valid subject
     */
    public boolean insert(S subscription) {
        String[] tokens = Trie.filterTokens(subscription.subject());
        lock.writeLock().lock();
        try {
            if (!trie.insert(tokens, subscription)) {
                return false;
            }
            count++;
            inserts++;
            if (cache != null) {
                cache.added(subscription);
            }
            generation.incrementAndGet();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a subscription; returns false when it was not present. */
    public boolean remove(S subscription) {
        lock.writeLock().lock();
        try {
            if (!removeFromTrie(subscription)) {
                return false;
            }
            if (cache != null) {
                cache.removed(subscription.subject());
            }
            generation.incrementAndGet();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Removes many subscriptions at once, as when a connection closes: one lock, and the shared cache is emptied
     * once instead of being searched for every subscription.
     *
     * @return how many of them were present
     */
    public int removeAll(Collection<? extends S> subscriptions) {
        if (subscriptions.isEmpty()) {
            return 0;
        }
        lock.writeLock().lock();
        try {
            int removed = 0;
            for (S subscription : subscriptions) {
                if (removeFromTrie(subscription)) {
                    removed++;
                }
            }
            if (cache != null) {
                cache.clear();
            }
            generation.incrementAndGet();
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The subscriptions matching a literal subject. */
    public SublistResult<S> match(String subject) {
        matches.increment();
        if (cache != null) {
            SublistResult<S> cached = cache.hit(subject);
            if (cached != null) {
                return cached;
            }
        }
        return matchAndCache(subject);
    }

    /** The subscriptions matching the subject in the view; allocates only when the shared cache misses. */
    public SublistResult<S> match(SubjectView subject) {
        matches.increment();
        if (cache != null) {
            SublistResult<S> cached = cache.hit(subject);
            if (cached != null) {
                return cached;
            }
        }
        return matchAndCache(subject.toString());
    }

    /**
     * The subscriptions matching the subject in the view, leaving the shared cache as it was: for subjects unlikely to
     * be matched again, such as the reply subject a no-responders check looks up, which would otherwise crowd the
     * account's publishing subjects out of the cache. A result already cached is used.
     */
    public SublistResult<S> matchWithoutCaching(SubjectView subject) {
        matches.increment();
        if (cache != null) {
            SublistResult<S> cached = cache.hit(subject);
            if (cached != null) {
                return cached;
            }
        }
        String[] tokens = Trie.matchTokens(subject.toString());
        if (tokens == null) {
            return SublistResult.empty();
        }
        lock.readLock().lock();
        try {
            return walk(tokens);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** True when at least one subscription matches the literal subject. */
    public boolean hasInterest(String subject) {
        if (cache != null) {
            SublistResult<S> cached = cache.peek(subject);
            if (cached != null) {
                return !cached.isEmpty();
            }
        }
        String[] tokens = Trie.matchTokens(subject);
        if (tokens == null) {
            return false;
        }
        lock.readLock().lock();
        try {
            return trie.hasMatch(tokens);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many plain and queue subscriptions match the literal subject. */
    public InterestCount numInterest(String subject) {
        String[] tokens = Trie.matchTokens(subject);
        if (tokens == null) {
            return new InterestCount(0, 0);
        }
        lock.readLock().lock();
        try {
            return trie.countMatches(tokens);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The subscriptions whose filter collides with {@code subject} (which may hold wildcards): those that would
     * receive at least one of the messages {@code subject} stands for.
     */
    public SublistResult<S> reverseMatch(String subject) {
        String[] tokens = Trie.matchTokens(subject);
        if (tokens == null) {
            return SublistResult.empty();
        }
        ResultBuilder<S> result = new ResultBuilder<>();
        lock.readLock().lock();
        try {
            trie.collectCollisions(tokens, result);
        } finally {
            lock.readLock().unlock();
        }
        return result.build();
    }

    /** Every subscription held, in no particular order. */
    public List<S> all() {
        ResultBuilder<S> result = new ResultBuilder<>();
        lock.readLock().lock();
        try {
            trie.collectAll(result);
        } finally {
            lock.readLock().unlock();
        }
        SublistResult<S> everything = result.build();
        List<S> list = everything.plainSubscriptions();
        for (int group = 0; group < everything.queueGroupCount(); group++) {
            list.addAll(everything.queueGroup(group));
        }
        return list;
    }

    /** The number of non-empty levels of the trie; 0 once every subscription is gone. */
    public int levelCount() {
        lock.readLock().lock();
        try {
            return trie.levelCount();
        } finally {
            lock.readLock().unlock();
        }
    }

    public SublistStats stats() {
        long matched = matches.sum();
        return cache != null ? cache.stats(count, inserts, removes, matched)
                : new SublistStats(count, 0, inserts, removes, matched, 0, 0, 0, 0);
    }

    private SublistResult<S> matchAndCache(String subject) {
        String[] tokens = Trie.matchTokens(subject);
        if (tokens == null) {
            return SublistResult.empty();
        }
        SublistResult<S> result;
        lock.readLock().lock();
        try {
            result = walk(tokens);
            if (cache != null) {
                // Stored before the read lock is let go: a change needs the write lock, so none comes between the
                // walk and the store, and the next change finds this result in the cache and keeps it current.
                // Readers storing the same subject at once store equal results.
                cache.store(subject, result);
            }
        } finally {
            lock.readLock().unlock();
        }
        if (cache != null) {
            cache.keepBounded();
        }
        return result;
    }

    /** The caller holds the lock. */
    private SublistResult<S> walk(String[] tokens) {
        ResultBuilder<S> builder = new ResultBuilder<>();
        trie.collectMatches(tokens, builder);
        return builder.build();
    }

    /** The caller holds the write lock. */
    private boolean removeFromTrie(S subscription) {
        if (!trie.remove(subscription)) {
            return false;
        }
        count--;
        removes++;
        return true;
    }
}
