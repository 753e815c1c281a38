package io.natrium.domain.sublist;

import static io.natrium.domain.sublist.TestSubscription.plain;
import static io.natrium.domain.sublist.TestSubscription.queued;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.subject.SubjectView;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

class SublistWithCacheTest extends SublistContract {

    private final List<Runnable> pendingSweeps = new ArrayList<>();

    @Override
    Sublist<TestSubscription> newSublist() {
        return new Sublist<>(true, pendingSweeps::add);
    }

    @Test
    void servesRepeatedMatchesFromTheCache() {
        sublist.insert(plain("foo.*"));
        SublistResult<TestSubscription> first = sublist.match("foo.bar");
        SublistResult<TestSubscription> second = sublist.match("foo.bar");

        assertThat(second).isSameAs(first);
        SublistStats stats = sublist.stats();
        assertThat(stats.numCache()).isEqualTo(1);
        assertThat(stats.cacheHits()).isEqualTo(1);
        assertThat(stats.cacheHitRate()).isEqualTo(0.5);
    }

    @Test
    void reportsFanoutOfCachedResults() {
        sublist.insert(plain("a"));
        sublist.insert(plain("a", "a2"));
        sublist.insert(queued("a", "q", "q1"));
        sublist.insert(queued("a", "q", "q2"));
        sublist.insert(plain("b"));
        sublist.match("a");
        sublist.match("b");

        SublistStats stats = sublist.stats();
        assertThat(stats.maxFanout()).isEqualTo(3);
        assertThat(stats.avgFanout()).isEqualTo(2.0);
    }

    @Test
    void sweepsTheCacheOffTheCallersThread() {
        sublist.insert(plain(">"));
        for (int i = 0; i <= Sublist.CACHE_MAX; i++) {
            sublist.match("subject." + i);
        }
        assertThat(sublist.stats().numCache()).isEqualTo(Sublist.CACHE_MAX + 1);
        assertThat(pendingSweeps).hasSize(1);

        sublist.match("one.more");
        assertThat(pendingSweeps).as("one sweep at a time").hasSize(1);

        pendingSweeps.remove(0).run();
        assertThat(sublist.stats().numCache()).isEqualTo(Sublist.CACHE_SWEEP_TARGET);
        assertThat(sublist.match("subject.5").plainCount()).isEqualTo(1);

        for (int i = 0; i < Sublist.CACHE_MAX; i++) {
            sublist.match("again." + i);
        }
        assertThat(pendingSweeps).as("a new sweep once the last one finished").hasSize(1);
    }

    @Test
    void aFloodOfUniqueSubjectsKeepsTheCacheWithinTwiceItsMaximumWhenTheSweeperNeverRuns() {
        sublist.insert(plain("_INBOX.>"));
        int largest = 0;
        for (int i = 0; i < 10 * Sublist.CACHE_MAX; i++) {
            assertThat(sublist.match("_INBOX.reply." + i).plainCount()).isEqualTo(1);
            largest = Math.max(largest, sublist.stats().numCache());
        }

        assertThat(pendingSweeps).as("the one sweep handed over, never run").hasSize(1);
        assertThat(largest).isGreaterThan(Sublist.CACHE_MAX).isLessThanOrEqualTo(2 * Sublist.CACHE_MAX);
    }

    @Test
    void aSweeperThatRefusesWorkNeitherFailsTheMatchNorLetsTheCacheGrow() {
        List<Runnable> refusedSweeps = new ArrayList<>();
        Sublist<TestSubscription> refused = new Sublist<>(true, task -> {
            refusedSweeps.add(task);
            throw new RejectedExecutionException("shut down");
        });
        refused.insert(plain(">"));

        for (int i = 0; i < 3 * Sublist.CACHE_MAX; i++) {
            assertThat(refused.match("subject." + i).plainCount()).isEqualTo(1);
        }

        assertThat(refused.stats().numCache()).isLessThanOrEqualTo(2 * Sublist.CACHE_MAX);
        assertThat(refusedSweeps).as("asked again after a refusal").hasSizeGreaterThan(1);
    }

    @Test
    void matchingWithoutCachingLeavesTheCacheAsItWasButUsesWhatItHolds() {
        sublist.insert(plain("_INBOX.>"));
        SubjectView view = new SubjectView();
        for (int i = 0; i < 3 * Sublist.CACHE_MAX; i++) {
            sublist.matchWithoutCaching(view.wrap(("_INBOX.reply." + i).getBytes(UTF_8)));
        }
        assertThat(sublist.stats().numCache()).isZero();
        assertThat(pendingSweeps).isEmpty();

        SublistResult<TestSubscription> cached = sublist.match("_INBOX.known");
        assertThat(sublist.matchWithoutCaching(view.wrap("_INBOX.known".getBytes(UTF_8)))).isSameAs(cached);
        assertThat(sublist.stats().cacheHits()).isEqualTo(1);
    }

    @Test
    void updatesCachedResultsInPlaceOnInsertAndDropsThemOnRemove() {
        TestSubscription literal = plain("foo.bar");
        sublist.insert(literal);
        sublist.match("foo.bar");
        sublist.match("foo.baz");

        TestSubscription star = plain("foo.*");
        sublist.insert(star);
        assertThat(sublist.stats().numCache()).isEqualTo(2);
        assertThat(sublist.match("foo.baz").plainSubscriptions()).containsExactly(star);

        sublist.remove(star);
        assertThat(sublist.stats().numCache()).isZero();
        assertThat(sublist.match("foo.bar").plainSubscriptions()).containsExactly(literal);
    }

    @Test
    void emptiesTheCacheOnBatchRemoval() {
        TestSubscription sub = plain("foo");
        sublist.insert(sub);
        sublist.match("foo");

        sublist.removeAll(List.of(sub));

        assertThat(sublist.stats().numCache()).isZero();
    }
}
