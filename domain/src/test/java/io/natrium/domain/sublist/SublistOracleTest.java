package io.natrium.domain.sublist;

import static io.natrium.domain.sublist.TestSubscription.plain;
import static io.natrium.domain.sublist.TestSubscription.queued;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.SubjectOracle;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.subject.SubjectView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exhaustive comparison with a naive matcher: every subject of up to four tokens from {a, b} against every filter
 * of up to four tokens from {a, b, *, >}, with the shared cache on and off.
 */
class SublistOracleTest {

    private static final List<String> SUBJECTS = SubjectOracle.subjects(List.of("a", "b"), 4);
    private static final List<String> FILTERS = SubjectOracle.filters(List.of("a", "b", "*", ">"), 4);
    private static final List<String> QUEUES = List.of("q0", "q1", "q2");

    @ParameterizedTest(name = "cache {0}")
    @ValueSource(booleans = {true, false})
    void eachFilterAloneMatchesExactlyWhatTheOracleMatches(boolean cache) {
        Sublist<TestSubscription> sublist = new Sublist<>(cache, Runnable::run);
        for (String filter : FILTERS) {
            TestSubscription sub = plain(filter);
            sublist.insert(sub);
            for (String subject : SUBJECTS) {
                boolean expected = SubjectOracle.matches(filter, subject);
                assertThat(sublist.match(subject).plainSubscriptions()).as("%s ~ %s", filter, subject)
                        .isEqualTo(expected ? List.of(sub) : List.of());
                assertThat(sublist.hasInterest(subject)).isEqualTo(expected);
            }
            sublist.remove(sub);
            assertThat(sublist.levelCount()).isZero();
        }
    }

    @ParameterizedTest(name = "cache {0}")
    @ValueSource(booleans = {true, false})
    void allFiltersTogetherMatchAndGroupLikeTheOracle(boolean cache) {
        Sublist<TestSubscription> sublist = new Sublist<>(cache, Runnable::run);
        List<TestSubscription> all = everySubscription();
        all.forEach(sublist::insert);
        assertThat(sublist.count()).isEqualTo(all.size());

        SubjectView view = new SubjectView();
        for (String subject : SUBJECTS) {
            assertThat(describe(sublist.match(subject))).as(subject).isEqualTo(expected(all, subject));
            assertThat(describe(sublist.matchWithoutCaching(view.wrap(subject.getBytes(UTF_8))))).as(subject)
                    .isEqualTo(expected(all, subject));
            InterestCount interest = sublist.numInterest(subject);
            Map<String, Set<TestSubscription>> expected = expected(all, subject);
            assertThat(interest.plain()).isEqualTo(expected.getOrDefault("", Set.of()).size());
            assertThat(interest.total()).isEqualTo(expected.values().stream().mapToInt(Set::size).sum());
        }
    }

    @ParameterizedTest(name = "cache {0}")
    @ValueSource(booleans = {true, false})
    void insertingThenRemovingLeavesResultsUnchangedAndTheTrieEmpty(boolean cache) {
        Sublist<TestSubscription> sublist = new Sublist<>(cache, Runnable::run);
        List<TestSubscription> all = everySubscription();
        List<TestSubscription> base = new ArrayList<>();
        List<TestSubscription> extra = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 2 == 0 ? base : extra).add(all.get(i));
        }
        base.forEach(sublist::insert);
        Map<String, Map<String, Set<TestSubscription>>> before = new HashMap<>();
        for (String subject : SUBJECTS) {
            before.put(subject, describe(sublist.match(subject)));
        }

        extra.forEach(sublist::insert);
        for (String subject : SUBJECTS) {
            sublist.match(subject);
        }
        extra.forEach(sublist::remove);

        for (String subject : SUBJECTS) {
            assertThat(describe(sublist.match(subject))).as(subject).isEqualTo(before.get(subject));
            assertThat(describe(sublist.match(subject))).isEqualTo(expected(base, subject));
        }
        base.forEach(sublist::remove);
        assertThat(sublist.count()).isZero();
        assertThat(sublist.levelCount()).isZero();
    }

    @ParameterizedTest(name = "cache {0}")
    @ValueSource(booleans = {true, false})
    void reverseMatchFindsExactlyTheCollidingFilters(boolean cache) {
        Sublist<TestSubscription> sublist = new Sublist<>(cache, Runnable::run);
        List<TestSubscription> all = everySubscription();
        all.forEach(sublist::insert);

        for (String probe : FILTERS) {
            Map<String, Set<TestSubscription>> expected = new TreeMap<>();
            for (TestSubscription sub : all) {
                if (SubjectFilter.collide(sub.subject(), probe)) {
                    expected.computeIfAbsent(sub.queue() == null ? "" : sub.queue(), ignored -> new HashSet<>())
                            .add(sub);
                }
            }
            assertThat(describe(sublist.reverseMatch(probe))).as(probe).isEqualTo(expected);
        }
    }

    /** Every filter once as a plain subscription and once as a member of one of three queue groups. */
    private static List<TestSubscription> everySubscription() {
        List<TestSubscription> all = new ArrayList<>();
        for (int i = 0; i < FILTERS.size(); i++) {
            String filter = FILTERS.get(i);
            all.add(plain(filter));
            all.add(queued(filter, QUEUES.get(i % QUEUES.size()), "m" + i));
        }
        return all;
    }

    /** Result as queue name to members, with plain subscriptions under the empty name. */
    static Map<String, Set<TestSubscription>> describe(SublistResult<TestSubscription> result) {
        Map<String, Set<TestSubscription>> groups = new TreeMap<>();
        if (result.plainCount() > 0) {
            List<TestSubscription> plain = result.plainSubscriptions();
            assertThat(new HashSet<>(plain)).as("no duplicates").hasSize(plain.size());
            groups.put("", new HashSet<>(plain));
        }
        for (int group = 0; group < result.queueGroupCount(); group++) {
            assertThat(groups).as("each queue group once").doesNotContainKey(result.queueName(group));
            groups.put(result.queueName(group), new HashSet<>(result.queueGroup(group)));
        }
        return groups;
    }

    static Map<String, Set<TestSubscription>> expected(List<TestSubscription> subs, String subject) {
        Map<String, Set<TestSubscription>> groups = new TreeMap<>();
        for (TestSubscription sub : subs) {
            if (SubjectOracle.matches(sub.subject(), subject)) {
                groups.computeIfAbsent(sub.queue() == null ? "" : sub.queue(), ignored -> new HashSet<>()).add(sub);
            }
        }
        return groups;
    }
}
