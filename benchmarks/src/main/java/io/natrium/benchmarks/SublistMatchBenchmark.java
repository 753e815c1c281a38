package io.natrium.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.sublist.MatchCache;
import io.natrium.domain.sublist.Sublist;
import io.natrium.domain.sublist.SublistResult;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

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
 * Single-threaded sublist matching in the situations the server meets: a cached literal hit, the same subject
 * through a connection's cache with a {@link SubjectView} (the real hot path), an uncached trie walk, a trie of
 * 10,000 mostly wildcard subscriptions, queue groups, and one subject with 1,000 subscribers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SublistMatchBenchmark {

    private static final int WILDCARD_SUBSCRIPTIONS = 10_000;
    private static final int SUBJECT_POOL = 4_096;

    private Sublist<BenchSubscription> cached;
    private Sublist<BenchSubscription> uncached;
    private Sublist<BenchSubscription> wildcardHeavy;
    private Sublist<BenchSubscription> queueGroups;
    private Sublist<BenchSubscription> fanOut;
    private MatchCache<BenchSubscription> connectionCache;
    private final SubjectView view = new SubjectView();
    private final byte[] literalBytes = "orders.eu.created".getBytes(UTF_8);
    private String[] wildcardSubjects;
    private int next;

    @Setup
    public void setUp() {
        cached = Sublist.withCache(Runnable::run);
        uncached = Sublist.withoutCache();
        for (Sublist<BenchSubscription> sublist : List.of(cached, uncached)) {
            sublist.insert(new BenchSubscription("orders.eu.created", null));
            sublist.insert(new BenchSubscription("orders.*.created", null));
            sublist.insert(new BenchSubscription("orders.>", null));
            sublist.insert(new BenchSubscription("payments.eu.settled", null));
        }
        cached.match("orders.eu.created");
        connectionCache = new MatchCache<>(cached);

        SplittableRandom random = new SplittableRandom(7);
        wildcardHeavy = Sublist.withoutCache();
        for (int i = 0; i < WILDCARD_SUBSCRIPTIONS; i++) {
            String a = "t" + random.nextInt(20);
            String b = random.nextInt(4) == 0 ? "*" : "u" + random.nextInt(50);
            String c = random.nextInt(3) == 0 ? ">" : random.nextInt(3) == 0 ? "*" : "v" + random.nextInt(10);
            wildcardHeavy.insert(new BenchSubscription(a + "." + b + "." + c, null));
        }
        wildcardSubjects = new String[SUBJECT_POOL];
        for (int i = 0; i < SUBJECT_POOL; i++) {
            wildcardSubjects[i] = "t" + random.nextInt(20) + ".u" + random.nextInt(50) + ".v" + random.nextInt(10);
        }

        queueGroups = Sublist.withoutCache();
        for (int group = 0; group < 4; group++) {
            for (int member = 0; member < 5; member++) {
                queueGroups.insert(new BenchSubscription("jobs.render", "workers" + group));
            }
        }
        queueGroups.insert(new BenchSubscription("jobs.*", null));

        fanOut = Sublist.withoutCache();
        for (int i = 0; i < 1_000; i++) {
            fanOut.insert(new BenchSubscription("market.ticks", null));
        }
    }

    @Benchmark
    public SublistResult<BenchSubscription> literalHitCached() {
        return cached.match("orders.eu.created");
    }

    @Benchmark
    public SublistResult<BenchSubscription> literalHitConnectionCache() {
        return connectionCache.match(view.wrap(literalBytes));
    }

    @Benchmark
    public SublistResult<BenchSubscription> literalUncached() {
        return uncached.match("orders.eu.created");
    }

    @Benchmark
    public SublistResult<BenchSubscription> literalMissUncached() {
        return uncached.match("inventory.eu.updated");
    }

    @Benchmark
    public SublistResult<BenchSubscription> wildcardHeavy10k() {
        String subject = wildcardSubjects[next++ & (SUBJECT_POOL - 1)];
        return wildcardHeavy.match(subject);
    }

    @Benchmark
    public SublistResult<BenchSubscription> queueGroupsUncached() {
        return queueGroups.match("jobs.render");
    }

    @Benchmark
    public SublistResult<BenchSubscription> fanOut1000Uncached() {
        return fanOut.match("market.ticks");
    }
}
