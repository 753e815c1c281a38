package io.natrium.domain.sublist;

import static io.natrium.domain.sublist.TestSubscription.plain;
import static io.natrium.domain.sublist.TestSubscription.queued;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.SubjectOracle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several threads insert, remove and match at once. While they run, every match must contain the subscriptions
 * that stay put the whole time and nothing whose filter does not match; afterwards every subject must match exactly
 * what is left.
 */
class SublistConcurrencyTest {

    private static final List<String> SUBJECTS = SubjectOracle.subjects(List.of("a", "b", "c"), 3);
    private static final List<String> FILTERS = SubjectOracle.filters(List.of("a", "b", "*", ">"), 3);

    @ParameterizedTest(name = "cache {0}")
    @ValueSource(booleans = {true, false})
    void staysConsistentUnderConcurrentChurn(boolean cache) throws Exception {
        ExecutorService sweeper = Executors.newSingleThreadExecutor();
        Sublist<TestSubscription> sublist = new Sublist<>(cache, sweeper);
        List<TestSubscription> stable = new ArrayList<>();
        for (String filter : FILTERS) {
            stable.add(plain(filter, "stable " + filter));
        }
        stable.forEach(sublist::insert);

        int writers = 2;
        int readers = 2;
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<TestSubscription> survivors = new ConcurrentLinkedQueue<>();
        List<Future<?>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(pool.submit(() -> {
                start.await();
                churn(sublist, writer, survivors);
                return null;
            }));
        }
        for (int r = 0; r < readers; r++) {
            int reader = r;
            tasks.add(pool.submit(() -> {
                start.await();
                Random random = new Random(reader);
                int rounds = 0;
                while (writing.get() || rounds < 1_000) {
                    String subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
                    checkDuringChurn(sublist.match(subject), subject, stable);
                    rounds++;
                }
                return null;
            }));
        }
        start.countDown();
        for (int w = 0; w < writers; w++) {
            tasks.get(w).get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        for (Future<?> task : tasks) {
            task.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        sweeper.shutdown();
        assertThat(sweeper.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        List<TestSubscription> remaining = new ArrayList<>(stable);
        remaining.addAll(survivors);
        assertThat(sublist.count()).isEqualTo(remaining.size());
        assertThat(new HashSet<>(sublist.all())).isEqualTo(new HashSet<>(remaining));
        for (String subject : SUBJECTS) {
            assertThat(SublistOracleTest.describe(sublist.match(subject))).as(subject)
                    .isEqualTo(SublistOracleTest.expected(remaining, subject));
        }
    }

    /** Inserts and removes this writer's own subscriptions; those still in at the end are handed back. */
    private static void churn(Sublist<TestSubscription> sublist, int writer, ConcurrentLinkedQueue<TestSubscription> survivors) {
        Random random = new Random(100 + writer);
        List<TestSubscription> mine = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (mine.isEmpty() || random.nextInt(3) > 0) {
                String filter = FILTERS.get(random.nextInt(FILTERS.size()));
                String name = "w" + writer + "#" + i;
                TestSubscription sub = random.nextBoolean() ? plain(filter, name) : queued(filter, "q" + i % 4, name);
                assertThat(sublist.insert(sub)).isTrue();
                mine.add(sub);
            } else {
                TestSubscription sub = mine.remove(random.nextInt(mine.size()));
                assertThat(sublist.remove(sub)).isTrue();
            }
            if (i % 1_000 == 0 && !mine.isEmpty()) {
                int half = mine.size() / 2;
                List<TestSubscription> batch = new ArrayList<>(mine.subList(0, half));
                mine.subList(0, half).clear();
                assertThat(sublist.removeAll(batch)).isEqualTo(batch.size());
            }
        }
        survivors.addAll(mine);
    }

    private static void checkDuringChurn(SublistResult<TestSubscription> result, String subject,
            List<TestSubscription> stable) {
        Set<TestSubscription> seen = new HashSet<>(SublistContract.all(result));
        for (TestSubscription sub : seen) {
            assertThat(SubjectOracle.matches(sub.subject(), subject)).as("%s in match of %s", sub, subject).isTrue();
        }
        for (TestSubscription sub : stable) {
            if (SubjectOracle.matches(sub.subject(), subject)) {
                assertThat(seen).as("stable subscriptions of %s", subject).contains(sub);
            }
        }
    }
}
