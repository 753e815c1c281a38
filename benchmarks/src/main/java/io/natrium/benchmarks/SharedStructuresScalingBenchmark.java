package io.natrium.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.sublist.MatchCache;
import io.natrium.domain.sublist.Sublist;
import io.natrium.domain.sublist.SublistResult;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the structures every event loop shares behave as threads are added: one account's sublist (its trie, its
 * shared result cache and the read-write lock around both) and the per-connection match cache in front of it. Run
 * with {@code -t 1}, {@code -t 2} and {@code -t 4}; each thread stands for one event loop, with its own connection's
 * cache and its own subjects. Throughput per thread that stays flat as threads are added means the structure scales;
 * on a machine with fewer cores than threads it cannot, and what is read is then the cost of sharing (see
 * docs/benchmarks.md, "Scaling with cores").
 *
 * <ul>
 *   <li>{@code perConnectionCacheHit}: the publish path's usual case, a hit in the connection's own cache; shared
 *       state read: the sublist's generation (an {@code AtomicLong} only changes write).
 *   <li>{@code sharedCacheHit}: a hit in the account's shared cache (a {@code ConcurrentHashMap} read and a
 *       {@code LongAdder} increment), what a connection's first message on a subject costs.
 *   <li>{@code sharedCacheMiss}: a walk of the trie under the read lock, whose acquisition writes the lock's shared
 *       state: every thread's miss touches the same cache line.
 *   <li>{@code subscribeUnsubscribe}: a subscription made and removed (an inbox's life), under the write lock; each
 *       also empties the shared cache's entries for it and moves the generation, so every connection cache of the
 *       account starts over.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SharedStructuresScalingBenchmark {

    private static final int SUBJECTS_PER_THREAD = 64;

    private Sublist<BenchSubscription> sublist;
    private final AtomicInteger threadIds = new AtomicInteger();

    @Setup
    public void setUp() {
        sublist = Sublist.withCache(Runnable::run);
        for (int i = 0; i < 10_000; i++) {
            sublist.insert(new BenchSubscription("svc." + (i % 100) + ".req." + i, null));
        }
        sublist.insert(new BenchSubscription("svc.*.req.>", "workers"));
        sublist.insert(new BenchSubscription("orders.>", null));
    }

    /** One event loop: its connection's cache, its subjects, its inbox. */
    @State(Scope.Thread)
    public static class Loop {
        SubjectView[] hits;
        SubjectView[] misses;
        MatchCache<BenchSubscription> cache;
        BenchSubscription inbox;
        int next;

        @Setup
        public void setUp(SharedStructuresScalingBenchmark shared) {
            int id = shared.threadIds.getAndIncrement();
            cache = new MatchCache<>(shared.sublist);
            hits = new SubjectView[SUBJECTS_PER_THREAD];
            for (int i = 0; i < hits.length; i++) {
                hits[i] = view("svc." + i + ".req." + (id * 100 + i));
            }
            misses = new SubjectView[4096];
            for (int i = 0; i < misses.length; i++) {
                // Unique subjects under a wildcard: every one is a walk, none is cached.
                misses[i] = view("orders.t" + id + ".n" + i);
            }
            inbox = new BenchSubscription("_INBOX.loop" + id + ".reply", null);
        }

        private static SubjectView view(String subject) {
            return new SubjectView().wrap(subject.getBytes(UTF_8));
        }
    }

    @Benchmark
    public SublistResult<BenchSubscription> perConnectionCacheHit(Loop loop) {
        return loop.cache.match(loop.hits[loop.next++ & (SUBJECTS_PER_THREAD - 1)]);
    }

    @Benchmark
    public SublistResult<BenchSubscription> sharedCacheHit(Loop loop) {
        return sublist.match(loop.hits[loop.next++ & (SUBJECTS_PER_THREAD - 1)]);
    }

    @Benchmark
    public SublistResult<BenchSubscription> sharedCacheMiss(Loop loop) {
        return sublist.matchWithoutCaching(loop.misses[loop.next++ & (loop.misses.length - 1)]);
    }

    @Benchmark
    public boolean subscribeUnsubscribe(Loop loop) {
        sublist.insert(loop.inbox);
        return sublist.remove(loop.inbox);
    }
}
