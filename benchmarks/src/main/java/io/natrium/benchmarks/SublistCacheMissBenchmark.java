package io.natrium.benchmarks;

import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.sublist.Sublist;
import io.natrium.domain.sublist.SublistResult;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Shared-cache misses, as request/reply traffic makes them: every match is of a reply subject not seen lately, so it
 * walks the trie, stores the result and, past the cache's maximum, sweeps. On one thread and on two at once (two event
 * loops publishing into the same account), with sweeps on a dedicated thread as the server runs them; and the
 * no-responders probe, which matches such subjects without storing them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SublistCacheMissBenchmark {

    private static final int REPLIES_PER_THREAD = 8_192;

    private ExecutorService sweeper;
    private Sublist<BenchSubscription> sublist;

    @Setup(Level.Trial)
    public void setUp() {
        sweeper = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "bench-sublist-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sublist = new Sublist<>(true, sweeper);
        for (int i = 0; i < 1_000; i++) {
            sublist.insert(new BenchSubscription("svc." + (i % 100) + ".req." + i, null));
        }
        sublist.insert(new BenchSubscription("_INBOX.>", null));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sweeper.shutdownNow();
    }

    /** Each thread's own reply subjects, so that two threads never share one. */
    @State(Scope.Thread)
    public static class Replies {
        String[] subjects;
        byte[][] bytes;
        final SubjectView view = new SubjectView();
        int next;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            subjects = new String[REPLIES_PER_THREAD];
            for (int i = 0; i < REPLIES_PER_THREAD; i++) {
                subjects[i] = "_INBOX.t" + thread.getThreadIndex() + ".reply." + i;
            }
            bytes = new byte[REPLIES_PER_THREAD][];
            for (int i = 0; i < REPLIES_PER_THREAD; i++) {
                bytes[i] = subjects[i].getBytes(StandardCharsets.UTF_8);
            }
        }

        SubjectView nextView() {
            return view.wrap(bytes[next++ & (REPLIES_PER_THREAD - 1)]);
        }

        String nextSubject() {
            return subjects[next++ & (REPLIES_PER_THREAD - 1)];
        }
    }

    @Benchmark
    @Threads(1)
    public SublistResult<BenchSubscription> uniqueRepliesOneThread(Replies replies) {
        return sublist.match(replies.nextSubject());
    }

    @Benchmark
    @Threads(2)
    public SublistResult<BenchSubscription> uniqueRepliesTwoThreads(Replies replies) {
        return sublist.match(replies.nextSubject());
    }

    /** The no-responders probe: the same subjects, matched without storing them in the shared cache. */
    @Benchmark
    @Threads(2)
    public SublistResult<BenchSubscription> uniqueRepliesTwoThreadsWithoutCaching(Replies replies) {
        return sublist.matchWithoutCaching(replies.nextView());
    }
}
