package io.natrium.domain.sublist;

import static io.natrium.domain.sublist.TestSubscription.plain;
import static io.natrium.domain.sublist.TestSubscription.queued;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.domain.subject.SubjectView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sublist behaviour; run once with the shared cache and once without it ({@link SublistWithCacheTest},
 * {@link SublistWithoutCacheTest}) to show the cache changes nothing but speed.
 */
abstract class SublistContract {

    Sublist<TestSubscription> sublist;

    abstract Sublist<TestSubscription> newSublist();

    @BeforeEach
    void createSublist() {
        sublist = newSublist();
    }

    @Test
    void startsEmpty() {
        assertThat(sublist.count()).isZero();
        assertThat(sublist.match("foo").isEmpty()).isTrue();
        assertThat(sublist.levelCount()).isZero();
    }

    @Test
    void insertCountsSubscriptions() {
        sublist.insert(plain("foo"));
        sublist.insert(plain("bar"));
        sublist.insert(plain("foo.bar"));

        assertThat(sublist.count()).isEqualTo(3);
    }

    @Test
    void insertingTheSameSubscriptionTwiceKeepsOne() {
        TestSubscription sub = plain("foo");

        assertThat(sublist.insert(sub)).isTrue();
        assertThat(sublist.insert(sub)).isFalse();
        assertThat(sublist.count()).isEqualTo(1);
        assertThat(sublist.match("foo").plainSubscriptions()).containsExactly(sub);
    }

    @Test
    void matchesLiteralSubscriptions() {
        TestSubscription foo = plain("foo");
        TestSubscription fooBar = plain("foo.bar");
        sublist.insert(foo);
        sublist.insert(fooBar);

        assertThat(sublist.match("foo").plainSubscriptions()).containsExactly(foo);
        assertThat(sublist.match("foo.bar").plainSubscriptions()).containsExactly(fooBar);
        assertThat(sublist.match("foo.baz").isEmpty()).isTrue();
        assertThat(sublist.match("bar").isEmpty()).isTrue();
    }

    @Test
    void matchesSingleTokenWildcards() {
        TestSubscription star = plain("foo.*");
        TestSubscription middle = plain("*.bar");
        sublist.insert(star);
        sublist.insert(middle);

        assertThat(sublist.match("foo.bar").plainSubscriptions()).containsExactlyInAnyOrder(star, middle);
        assertThat(sublist.match("foo.baz").plainSubscriptions()).containsExactly(star);
        assertThat(sublist.match("foo").isEmpty()).isTrue();
        assertThat(sublist.match("foo.bar.baz").isEmpty()).isTrue();
    }

    @Test
    void matchesFullWildcards() {
        TestSubscription all = plain(">");
        TestSubscription under = plain("foo.>");
        sublist.insert(all);
        sublist.insert(under);

        assertThat(sublist.match("foo").plainSubscriptions()).containsExactly(all);
        assertThat(sublist.match("foo.bar").plainSubscriptions()).containsExactlyInAnyOrder(all, under);
        assertThat(sublist.match("foo.bar.baz.qux").plainSubscriptions()).containsExactlyInAnyOrder(all, under);
    }

    @Test
    void wildcardTokensInsideLiteralTokensAreLiteral() {
        TestSubscription starry = plain("foo*");
        sublist.insert(starry);

        assertThat(sublist.match("foo*").plainSubscriptions()).containsExactly(starry);
        assertThat(sublist.match("foox").isEmpty()).isTrue();
    }

    @Test
    void publishingToAWildcardSubjectReachesOnlyWildcardSubscriptions() {
        TestSubscription literal = plain("foo.bar");
        TestSubscription star = plain("foo.*");
        TestSubscription full = plain("foo.>");
        sublist.insert(literal);
        sublist.insert(star);
        sublist.insert(full);

        assertThat(sublist.match("foo.*").plainSubscriptions()).containsExactlyInAnyOrder(star, full);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "foo.", ".foo", "foo..bar", "foo.>.bar", ">.foo", "foo bar", "foo.\tbar"})
    void refusesInvalidFilters(String subject) {
        assertThatThrownBy(() -> sublist.insert(plain(subject))).isInstanceOf(InvalidSubjectException.class)
                .hasMessageContaining(subject);
        assertThat(sublist.count()).isZero();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "foo.", ".foo", "foo..bar"})
    void subjectsWithEmptyTokensMatchNothing(String subject) {
        sublist.insert(plain(">"));
        sublist.insert(plain("foo.*"));

        assertThat(sublist.match(subject).isEmpty()).isTrue();
        assertThat(sublist.hasInterest(subject)).isFalse();
    }

    @Test
    void removesSubscriptions() {
        TestSubscription foo = plain("foo");
        TestSubscription other = plain("foo", "other");
        sublist.insert(foo);
        sublist.insert(other);
        assertThat(sublist.match("foo").plainCount()).isEqualTo(2);

        assertThat(sublist.remove(foo)).isTrue();

        assertThat(sublist.count()).isEqualTo(1);
        assertThat(sublist.match("foo").plainSubscriptions()).containsExactly(other);
    }

    @Test
    void removesWildcardSubscriptions() {
        TestSubscription star = plain("foo.*");
        TestSubscription full = plain("foo.>");
        TestSubscription literal = plain("foo.bar");
        sublist.insert(star);
        sublist.insert(full);
        sublist.insert(literal);
        assertThat(sublist.match("foo.bar").plainCount()).isEqualTo(3);

        sublist.remove(star);
        assertThat(sublist.match("foo.bar").plainSubscriptions()).containsExactlyInAnyOrder(full, literal);
        sublist.remove(full);
        assertThat(sublist.match("foo.bar").plainSubscriptions()).containsExactly(literal);
        sublist.remove(literal);
        assertThat(sublist.match("foo.bar").isEmpty()).isTrue();
    }

    @Test
    void removingWhatIsNotThereChangesNothing() {
        sublist.insert(plain("foo.bar"));
        long generation = sublist.generation();

        assertThat(sublist.remove(plain("foo.baz"))).isFalse();
        assertThat(sublist.remove(plain("foo"))).isFalse();
        assertThat(sublist.remove(plain("foo.bar", "someone else"))).isFalse();
        assertThat(sublist.remove(queued("foo.bar", "q", "foo.bar"))).isFalse();
        assertThat(sublist.remove(plain("foo..bar"))).isFalse();

        assertThat(sublist.count()).isEqualTo(1);
        assertThat(sublist.generation()).isEqualTo(generation);
    }

    @Test
    void removingEverythingLeavesTheTrieEmpty() {
        List<TestSubscription> subs = List.of(plain("a.b.c"), plain("a.*.c"), plain("a.>"), plain(">"),
                queued("a.b.c", "q", "q1"), queued("*.b", "q", "q2"), plain("a.b.c.d.e.f"));
        subs.forEach(sublist::insert);
        assertThat(sublist.levelCount()).isPositive();

        subs.forEach(sublist::remove);

        assertThat(sublist.count()).isZero();
        assertThat(sublist.levelCount()).isZero();
        assertThat(sublist.match("a.b.c").isEmpty()).isTrue();
    }

    @Test
    void removingOneBranchKeepsTheOthers() {
        TestSubscription deep = plain("a.b.c.d");
        TestSubscription shallow = plain("a.b");
        sublist.insert(deep);
        sublist.insert(shallow);

        sublist.remove(deep);

        assertThat(sublist.match("a.b").plainSubscriptions()).containsExactly(shallow);
        assertThat(sublist.levelCount()).isEqualTo(2);
    }

    @Test
    void groupsQueueSubscriptionsByQueueName() {
        TestSubscription plain = plain("foo.bar");
        TestSubscription bar1 = queued("foo.bar", "bar", "bar1");
        TestSubscription bar2 = queued("foo.bar", "bar", "bar2");
        TestSubscription baz1 = queued("foo.bar", "baz", "baz1");
        TestSubscription wildcardBar = queued("foo.*", "bar", "bar3");
        List.of(plain, bar1, bar2, baz1, wildcardBar).forEach(sublist::insert);

        SublistResult<TestSubscription> result = sublist.match("foo.bar");

        assertThat(result.plainSubscriptions()).containsExactly(plain);
        assertThat(result.queueGroupCount()).isEqualTo(2);
        assertThat(groups(result)).containsEntry("bar", List.of(bar1, bar2, wildcardBar).toString())
                .containsEntry("baz", List.of(baz1).toString());
        assertThat(result.fanout()).isEqualTo(3);
    }

    @Test
    void removingQueueMembersShrinksAndDropsTheirGroup() {
        TestSubscription bar1 = queued("foo", "bar", "bar1");
        TestSubscription bar2 = queued("foo", "bar", "bar2");
        TestSubscription baz1 = queued("foo", "baz", "baz1");
        List.of(bar1, bar2, baz1).forEach(sublist::insert);
        assertThat(sublist.match("foo").queueGroupCount()).isEqualTo(2);

        sublist.remove(bar1);
        assertThat(groups(sublist.match("foo"))).containsEntry("bar", List.of(bar2).toString());
        sublist.remove(baz1);
        assertThat(groups(sublist.match("foo"))).containsOnlyKeys("bar");
        sublist.remove(bar2);
        assertThat(sublist.match("foo").isEmpty()).isTrue();
    }

    @Test
    void keepsManyPlainSubscribersOfOneSubjectInOrder() {
        List<TestSubscription> subs = new ArrayList<>();
        for (int i = 0; i < Sublist.FLAT_LIST_MIN + 50; i++) {
            subs.add(plain("fan.out", "s" + i));
        }
        subs.forEach(sublist::insert);
        assertThat(sublist.match("fan.out").plainSubscriptions()).containsExactlyElementsOf(subs);

        sublist.remove(subs.get(7));
        List<TestSubscription> remaining = new ArrayList<>(subs);
        remaining.remove(7);
        assertThat(sublist.match("fan.out").plainSubscriptions()).containsExactlyElementsOf(remaining);

        TestSubscription late = plain("fan.out", "late");
        sublist.insert(late);
        remaining.add(late);
        assertThat(sublist.match("fan.out").plainSubscriptions()).containsExactlyElementsOf(remaining);
    }

    @Test
    void resultsFollowInsertsAndRemovesAfterMatching() {
        TestSubscription first = plain("foo.bar");
        sublist.insert(first);
        assertThat(sublist.match("foo.bar").plainSubscriptions()).containsExactly(first);

        TestSubscription star = plain("foo.*");
        TestSubscription queuedStar = queued("*.bar", "q", "q1");
        sublist.insert(star);
        sublist.insert(queuedStar);
        SublistResult<TestSubscription> afterInsert = sublist.match("foo.bar");
        assertThat(afterInsert.plainSubscriptions()).containsExactlyInAnyOrder(first, star);
        assertThat(afterInsert.queueGroup(0)).containsExactly(queuedStar);

        sublist.remove(first);
        sublist.remove(queuedStar);
        SublistResult<TestSubscription> afterRemove = sublist.match("foo.bar");
        assertThat(afterRemove.plainSubscriptions()).containsExactly(star);
        assertThat(afterRemove.queueGroupCount()).isZero();
    }

    @Test
    void removesInBatches() {
        List<TestSubscription> leaving = List.of(plain("a.b"), plain("a.*"), queued("a.>", "q", "q1"));
        TestSubscription staying = plain("a.b", "staying");
        leaving.forEach(sublist::insert);
        sublist.insert(staying);
        sublist.match("a.b");

        int removed = sublist.removeAll(List.of(leaving.get(0), leaving.get(1), leaving.get(2), plain("not.there")));

        assertThat(removed).isEqualTo(3);
        assertThat(sublist.count()).isEqualTo(1);
        assertThat(sublist.match("a.b").plainSubscriptions()).containsExactly(staying);
        assertThat(sublist.removeAll(List.of())).isZero();
    }

    @Test
    void everyChangeMovesTheGeneration() {
        long start = sublist.generation();
        TestSubscription sub = plain("foo");

        sublist.insert(sub);
        long afterInsert = sublist.generation();
        sublist.match("foo");
        long afterMatch = sublist.generation();
        sublist.remove(sub);
        long afterRemove = sublist.generation();
        sublist.insert(sub);
        sublist.removeAll(List.of(sub));

        assertThat(afterInsert).isGreaterThan(start);
        assertThat(afterMatch).isEqualTo(afterInsert);
        assertThat(afterRemove).isGreaterThan(afterMatch);
        assertThat(sublist.generation()).isGreaterThan(afterRemove + 1);
    }

    @Test
    void answersWhetherAnyoneIsInterested() {
        sublist.insert(plain("foo.*"));
        sublist.insert(queued("bar.>", "q", "q1"));

        assertThat(sublist.hasInterest("foo.bar")).isTrue();
        assertThat(sublist.hasInterest("bar.baz.qux")).isTrue();
        assertThat(sublist.hasInterest("foo")).isFalse();
        assertThat(sublist.hasInterest("foo.bar.baz")).isFalse();
        sublist.match("foo.bar");
        assertThat(sublist.hasInterest("foo.bar")).isTrue();
    }

    @Test
    void countsInterest() {
        sublist.insert(plain("foo.bar"));
        sublist.insert(plain("foo.*"));
        sublist.insert(plain(">"));
        sublist.insert(queued("foo.bar", "q", "q1"));
        sublist.insert(queued("foo.>", "q", "q2"));
        sublist.insert(queued("foo.>", "r", "r1"));

        assertThat(sublist.numInterest("foo.bar")).isEqualTo(new InterestCount(3, 3));
        assertThat(sublist.numInterest("foo")).isEqualTo(new InterestCount(1, 0));
        assertThat(sublist.numInterest("foo.bar").total()).isEqualTo(6);
        assertThat(sublist.numInterest("foo..bar")).isEqualTo(new InterestCount(0, 0));
    }

    @Test
    void reverseMatchFindsEverySubscriptionAWildcardSubjectCouldReach() {
        TestSubscription fooBar = plain("foo.bar");
        TestSubscription fooBaz = plain("foo.baz");
        TestSubscription fooStar = plain("foo.*");
        TestSubscription fooFull = plain("foo.>");
        TestSubscription deep = plain("foo.bar.baz");
        TestSubscription other = plain("bar.baz");
        TestSubscription queued = queued("*.baz", "q", "q1");
        List.of(fooBar, fooBaz, fooStar, fooFull, deep, other, queued).forEach(sublist::insert);

        assertThat(all(sublist.reverseMatch("foo.*")))
                .containsExactlyInAnyOrder(fooBar, fooBaz, fooStar, fooFull, queued);
        assertThat(all(sublist.reverseMatch("foo.>")))
                .containsExactlyInAnyOrder(fooBar, fooBaz, fooStar, fooFull, deep, queued);
        assertThat(all(sublist.reverseMatch("*.baz"))).containsExactlyInAnyOrder(fooBaz, fooStar, fooFull, other,
                queued);
        assertThat(all(sublist.reverseMatch("foo.bar"))).containsExactlyInAnyOrder(fooBar, fooStar, fooFull);
        assertThat(all(sublist.reverseMatch(">"))).hasSize(7);
        assertThat(all(sublist.reverseMatch("baz"))).isEmpty();
    }

    @Test
    void enumeratesEverySubscription() {
        List<TestSubscription> subs = List.of(plain("a"), plain("a.b"), plain("*.b"), plain(">"),
                queued("a.b", "q", "q1"), queued("a.b", "r", "r1"));
        subs.forEach(sublist::insert);

        assertThat(sublist.all()).containsExactlyInAnyOrderElementsOf(subs);
    }

    @Test
    void matchesThroughASubjectView() {
        TestSubscription sub = plain("orders.créé");
        sublist.insert(sub);
        SubjectView view = new SubjectView();

        assertThat(sublist.match(view.wrap("orders.créé".getBytes(UTF_8))).plainSubscriptions()).containsExactly(sub);
        assertThat(sublist.match(view.wrap("orders.créé".getBytes(UTF_8))).plainSubscriptions()).containsExactly(sub);
        assertThat(sublist.match(view.wrap("orders.new".getBytes(UTF_8))).isEmpty()).isTrue();
    }

    @Test
    void matchingWithoutCachingFindsWhatMatchingFinds() {
        TestSubscription inbox = plain("_INBOX.>");
        TestSubscription exact = queued("_INBOX.abc.1", "q", "member");
        sublist.insert(inbox);
        sublist.insert(exact);
        SubjectView view = new SubjectView();

        SublistResult<TestSubscription> probed = sublist.matchWithoutCaching(view.wrap("_INBOX.abc.1".getBytes(UTF_8)));

        assertThat(probed.plainSubscriptions()).containsExactly(inbox);
        assertThat(groups(probed)).containsExactly(Map.entry("q", "[member@q]"));
        assertThat(sublist.matchWithoutCaching(view.wrap("_INBOX".getBytes(UTF_8))).isEmpty()).isTrue();
        assertThat(sublist.matchWithoutCaching(view.wrap("_INBOX..x".getBytes(UTF_8))).isEmpty()).isTrue();
        assertThat(sublist.stats().numMatches()).as("counted as matches, as nats-server counts them").isEqualTo(3);
    }

    @Test
    void countsInsertsRemovesAndMatches() {
        TestSubscription a = plain("a");
        sublist.insert(a);
        sublist.insert(plain("b"));
        sublist.remove(a);
        sublist.match("a");
        sublist.match("b");
        sublist.match("b");

        SublistStats stats = sublist.stats();
        assertThat(stats.numSubscriptions()).isEqualTo(1);
        assertThat(stats.numInserts()).isEqualTo(2);
        assertThat(stats.numRemoves()).isEqualTo(1);
        assertThat(stats.numMatches()).isEqualTo(3);
    }

    static Map<String, String> groups(SublistResult<TestSubscription> result) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (int group = 0; group < result.queueGroupCount(); group++) {
            groups.put(result.queueName(group), result.queueGroup(group).toString());
        }
        return groups;
    }

    static List<TestSubscription> all(SublistResult<TestSubscription> result) {
        List<TestSubscription> all = result.plainSubscriptions();
        for (int group = 0; group < result.queueGroupCount(); group++) {
            all.addAll(result.queueGroup(group));
        }
        return all;
    }
}
