package io.natrium.domain.sublist;

import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.subject.SubjectView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The subscriptions of one account, stored in a trie keyed by token, matched against literal subjects.
 *
 * <p>Thread-safe. Changes and trie walks run under a read-write lock; cached results are read without any lock.
 * The shared result cache (at most {@link #CACHE_MAX} subjects, swept back to {@link #CACHE_SWEEP_TARGET} on another
 * thread so no caller waits for it) is kept current by every insert and remove, as in nats-server. Every change also
 * bumps the {@link #generation() generation id}, which is what per-connection {@link MatchCache}s check to know
 * their copies are stale.
 *
 * @param <S> the subscription type
 */
public final class Sublist<S extends Subscription> {

    /** The most subjects the shared cache holds before it is swept. */
    public static final int CACHE_MAX = 1024;
    /** The size a sweep brings the shared cache back to. */
    public static final int CACHE_SWEEP_TARGET = 256;
    /** The number of plain subscriptions on one node from which they are also kept in a flat array. */
    public static final int FLAT_LIST_MIN = 256;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Level<S> root = new Level<>();
    private final ConcurrentHashMap<String, SublistResult<S>> cache;
    private final Executor sweeper;
    private final AtomicBoolean sweepScheduled = new AtomicBoolean();
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder matches = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private volatile int count;
    private volatile long inserts;
    private volatile long removes;

    /**
     * @param cacheEnabled whether to keep the shared result cache (nats-server's {@code no_sublist_cache} turns it off)
     * @param sweeper      where cache sweeps run; {@code Runnable::run} sweeps on the caller's thread
     */
    public Sublist(boolean cacheEnabled, Executor sweeper) {
        this.cache = cacheEnabled ? new ConcurrentHashMap<>() : null;
        this.sweeper = sweeper;
    }

    /** A sublist with the shared cache, swept on the common fork-join pool. */
    public static <S extends Subscription> Sublist<S> withCache() {
        return new Sublist<>(true, ForkJoinPool.commonPool());
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
        String subject = subscription.subject();
        if (!SubjectFilter.isValid(subject)) {
            throw new InvalidSubjectException(subject);
        }
        String[] tokens = Subject.tokens(subject);
        lock.writeLock().lock();
        try {
            Level<S> level = root;
            Node<S> node = null;
            for (String token : tokens) {
                if (level == null) {
                    level = node.next = new Level<>();
                }
                node = level.child(token);
                level = node.next;
            }
            if (!node.add(subscription)) {
                return false;
            }
            count++;
            inserts++;
            addToCache(subscription);
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
            removeFromCache(subscription.subject());
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
            SublistResult<S> cached = cache.get(subject);
            if (cached != null) {
                cacheHits.increment();
                return cached;
            }
        }
        return matchAndCache(subject);
    }

    /** The subscriptions matching the subject in the view; allocates only when the shared cache misses. */
    public SublistResult<S> match(SubjectView subject) {
        matches.increment();
        if (cache != null) {
            SublistResult<S> cached = cache.get(subject);
            if (cached != null) {
                cacheHits.increment();
                return cached;
            }
        }
        return matchAndCache(subject.toString());
    }

    /** True when at least one subscription matches the literal subject. */
    public boolean hasInterest(String subject) {
        if (cache != null) {
            SublistResult<S> cached = cache.get(subject);
            if (cached != null) {
                return !cached.isEmpty();
            }
        }
        String[] tokens = matchTokens(subject);
        if (tokens == null) {
            return false;
        }
        lock.readLock().lock();
        try {
            return visitMatches(root, tokens, 0, Node::hasSubscriptions);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many plain and queue subscriptions match the literal subject. */
    public InterestCount numInterest(String subject) {
        String[] tokens = matchTokens(subject);
        if (tokens == null) {
            return new InterestCount(0, 0);
        }
        int[] counts = new int[2];
        lock.readLock().lock();
        try {
            visitMatches(root, tokens, 0, node -> {
                counts[0] += node.plainCount();
                counts[1] += node.queueCount();
                return false;
            });
        } finally {
            lock.readLock().unlock();
        }
        return new InterestCount(counts[0], counts[1]);
    }

    /**
     * The subscriptions whose filter collides with {@code subject} (which may hold wildcards): those that would
     * receive at least one of the messages {@code subject} stands for.
     */
    public SublistResult<S> reverseMatch(String subject) {
        String[] tokens = matchTokens(subject);
        if (tokens == null) {
            return SublistResult.empty();
        }
        ResultBuilder<S> result = new ResultBuilder<>();
        lock.readLock().lock();
        try {
            visitCollisions(root, tokens, 0, result);
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
            collectAll(root, result);
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
            return root.depthCount();
        } finally {
            lock.readLock().unlock();
        }
    }

    public SublistStats stats() {
        int cachedSubjects = 0;
        int maxFanout = 0;
        long totalFanout = 0;
        if (cache != null) {
            for (SublistResult<S> result : cache.values()) {
                cachedSubjects++;
                maxFanout = Math.max(maxFanout, result.fanout());
                totalFanout += result.fanout();
            }
        }
        long matched = matches.sum();
        long hits = cacheHits.sum();
        return new SublistStats(count, cachedSubjects, inserts, removes, matched, hits,
                matched == 0 ? 0 : (double) hits / matched, maxFanout,
                cachedSubjects == 0 ? 0 : (double) totalFanout / cachedSubjects);
    }

    private SublistResult<S> matchAndCache(String subject) {
        String[] tokens = matchTokens(subject);
        if (tokens == null) {
            return SublistResult.empty();
        }
        // With a cache, the walk and the store happen under the write lock, so no change can slip between them and
        // leave a stale result behind in the cache.
        Lock walkLock = cache != null ? lock.writeLock() : lock.readLock();
        SublistResult<S> result;
        walkLock.lock();
        try {
            if (cache != null) {
                SublistResult<S> cached = cache.get(subject);
                if (cached != null) {
                    return cached;
                }
            }
            ResultBuilder<S> builder = new ResultBuilder<>();
            visitMatches(root, tokens, 0, node -> {
                node.collectInto(builder);
                return false;
            });
            result = builder.build();
            if (cache != null) {
                cache.put(subject, result);
            }
        } finally {
            walkLock.unlock();
        }
        if (cache != null && cache.size() > CACHE_MAX && sweepScheduled.compareAndSet(false, true)) {
            sweeper.execute(this::sweepCache);
        }
        return result;
    }

    private void sweepCache() {
        try {
            Iterator<String> subjects = cache.keySet().iterator();
            for (int excess = cache.size() - CACHE_SWEEP_TARGET; excess > 0 && subjects.hasNext(); excess--) {
                subjects.next();
                subjects.remove();
            }
        } finally {
            sweepScheduled.set(false);
        }
    }

    /** Walks every node whose filter matches the literal tokens; stops early when the visitor says so. */
    private boolean visitMatches(Level<S> start, String[] tokens, int first, NodeVisitor<S> visitor) {
        Level<S> level = start;
        Node<S> node = null;
        Node<S> singleWildcard = null;
        for (int i = first; i < tokens.length; i++) {
            if (level == null) {
                return false;
            }
            if (level.fullWildcard != null && visitor.visit(level.fullWildcard)) {
                return true;
            }
            singleWildcard = level.singleWildcard;
            if (singleWildcard != null && visitMatches(singleWildcard.next, tokens, i + 1, visitor)) {
                return true;
            }
            node = level.literals.get(tokens[i]);
            level = node == null ? null : node.next;
        }
        return node != null && visitor.visit(node) || singleWildcard != null && visitor.visit(singleWildcard);
    }

    /** Collects every node whose filter shares at least one literal subject with the (wildcard) tokens. */
    private void visitCollisions(Level<S> level, String[] tokens, int index, ResultBuilder<S> result) {
        if (level == null) {
            return;
        }
        String token = tokens[index];
        if (token.equals(SubjectFilter.FULL_WILDCARD)) {
            collectAll(level, result);
            return;
        }
        if (level.fullWildcard != null) {
            level.fullWildcard.collectInto(result);
        }
        if (token.equals(SubjectFilter.SINGLE_WILDCARD)) {
            for (Node<S> literal : level.literals.values()) {
                visitCollisionsBelow(literal, tokens, index + 1, result);
            }
        } else {
            Node<S> literal = level.literals.get(token);
            if (literal != null) {
                visitCollisionsBelow(literal, tokens, index + 1, result);
            }
        }
        if (level.singleWildcard != null) {
            visitCollisionsBelow(level.singleWildcard, tokens, index + 1, result);
        }
    }

    private void visitCollisionsBelow(Node<S> node, String[] tokens, int next, ResultBuilder<S> result) {
        if (next == tokens.length) {
            node.collectInto(result);
        } else {
            visitCollisions(node.next, tokens, next, result);
        }
    }

    private void collectAll(Level<S> level, ResultBuilder<S> result) {
        if (level == null) {
            return;
        }
        for (Node<S> node : level.literals.values()) {
            collectAllFrom(node, result);
        }
        if (level.singleWildcard != null) {
            collectAllFrom(level.singleWildcard, result);
        }
        if (level.fullWildcard != null) {
            collectAllFrom(level.fullWildcard, result);
        }
    }

    private void collectAllFrom(Node<S> node, ResultBuilder<S> result) {
        node.collectInto(result);
        collectAll(node.next, result);
    }

    /** Removes from the trie and prunes the nodes left empty; the caller holds the write lock. */
    private boolean removeFromTrie(S subscription) {
        String subject = subscription.subject();
        if (!SubjectFilter.isValid(subject)) {
            return false;
        }
        String[] tokens = Subject.tokens(subject);
        List<Level<S>> path = new ArrayList<>(tokens.length);
        List<Node<S>> nodes = new ArrayList<>(tokens.length);
        Level<S> level = root;
        for (String token : tokens) {
            Node<S> node = level == null ? null : level.existingChild(token);
            if (node == null) {
                return false;
            }
            path.add(level);
            nodes.add(node);
            level = node.next;
        }
        if (!nodes.get(nodes.size() - 1).remove(subscription)) {
            return false;
        }
        for (int depth = tokens.length - 1; depth >= 0; depth--) {
            Node<S> node = nodes.get(depth);
            if (!node.isPrunable()) {
                break;
            }
            node.next = null;
            path.get(depth).removeChild(tokens[depth]);
        }
        count--;
        removes++;
        return true;
    }

    private void addToCache(S subscription) {
        if (cache == null) {
            return;
        }
        String filter = subscription.subject();
        if (Subject.isLiteral(filter)) {
            cache.computeIfPresent(filter, (subject, result) -> result.with(subscription));
            return;
        }
        for (String subject : cache.keySet()) {
            if (SubjectFilter.matches(filter, subject)) {
                cache.computeIfPresent(subject, (key, result) -> result.with(subscription));
            }
        }
    }

    private void removeFromCache(String filter) {
        if (cache == null) {
            return;
        }
        if (Subject.isLiteral(filter)) {
            cache.remove(filter);
            return;
        }
        cache.keySet().removeIf(subject -> SubjectFilter.matches(filter, subject));
    }

    /** The tokens of a subject to match, or null when a token is empty (nothing can match such a subject). */
    private static String[] matchTokens(String subject) {
        String[] tokens = Subject.tokens(subject);
        for (String token : tokens) {
            if (token.isEmpty()) {
                return null;
            }
        }
        return tokens;
    }

    @FunctionalInterface
    private interface NodeVisitor<S extends Subscription> {
        /** Visits a matching node; returns true to stop the walk. */
        boolean visit(Node<S> node);
    }
}
