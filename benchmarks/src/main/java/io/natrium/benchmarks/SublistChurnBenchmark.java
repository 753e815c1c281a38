package io.natrium.benchmarks;

import io.natrium.domain.sublist.Sublist;
import io.natrium.domain.sublist.SublistResult;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Changes under load: insert-then-remove of a subscription into a cached sublist of 10,000, and one thread matching
 * while another subscribes and unsubscribes (the request/reply pattern of short-lived inbox subscriptions).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SublistChurnBenchmark {

    private Sublist<BenchSubscription> sublist;
    private BenchSubscription[] inboxes;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        sublist = Sublist.withCache(Runnable::run);
        for (int i = 0; i < 10_000; i++) {
            sublist.insert(new BenchSubscription("svc." + (i % 100) + ".req." + i, null));
        }
        sublist.insert(new BenchSubscription("svc.*.req.>", "workers"));
        inboxes = new BenchSubscription[1024];
        for (int i = 0; i < inboxes.length; i++) {
            inboxes[i] = new BenchSubscription("_INBOX.reply." + i, null);
        }
    }

    @Benchmark
    @Group("insertRemove")
    @GroupThreads(1)
    public boolean insertThenRemove() {
        BenchSubscription inbox = inboxes[next++ & (inboxes.length - 1)];
        sublist.insert(inbox);
        return sublist.remove(inbox);
    }

    @Benchmark
    @Group("matchWhileChurning")
    @GroupThreads(1)
    public SublistResult<BenchSubscription> matcher() {
        return sublist.match("svc.42.req.4242");
    }

    @Benchmark
    @Group("matchWhileChurning")
    @GroupThreads(1)
    public boolean churner() {
        BenchSubscription inbox = inboxes[next++ & (inboxes.length - 1)];
        sublist.insert(inbox);
        return sublist.remove(inbox);
    }
}
