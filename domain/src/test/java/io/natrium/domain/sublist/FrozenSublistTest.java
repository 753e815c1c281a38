package io.natrium.domain.sublist;

import static io.natrium.domain.sublist.TestSubscription.plain;
import static io.natrium.domain.sublist.TestSubscription.queued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.domain.SubjectOracle;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A frozen sublist answers exactly as a sublist holding the same subscriptions: exhaustively, for every subject of up
 * to four tokens from {a, b} and every filter of up to four tokens from {a, b, *, >} used as a subject (a wildcard
 * in a subject is a literal token that only the same wildcard matches, which permission checks rely on).
 */
class FrozenSublistTest {

    private static final List<String> SUBJECTS = SubjectOracle.subjects(List.of("a", "b"), 4);
    private static final List<String> FILTERS = SubjectOracle.filters(List.of("a", "b", "*", ">"), 4);

    @Test
    void answersAsASublistHoldingTheSameSubscriptions() {
        List<TestSubscription> all = new ArrayList<>();
        for (int i = 0; i < FILTERS.size(); i++) {
            all.add(plain(FILTERS.get(i)));
            all.add(queued(FILTERS.get(i), "q" + i % 3, "m" + i));
        }
        FrozenSublist<TestSubscription> frozen = FrozenSublist.of(all);
        Sublist<TestSubscription> sublist = Sublist.withoutCache();
        all.forEach(sublist::insert);

        List<String> probes = new ArrayList<>(SUBJECTS);
        probes.addAll(FILTERS);
        probes.addAll(List.of("", "a.", ".a", "a..b"));
        for (String probe : probes) {
            assertThat(SublistOracleTest.describe(frozen.match(probe))).as(probe)
                    .isEqualTo(SublistOracleTest.describe(sublist.match(probe)));
            assertThat(frozen.hasInterest(probe)).as(probe).isEqualTo(sublist.hasInterest(probe));
        }
        assertThat(frozen.count()).isEqualTo(all.size());
    }

    @Test
    void eachFilterAloneMatchesWhatTheOracleMatches() {
        for (String filter : FILTERS) {
            TestSubscription sub = plain(filter);
            FrozenSublist<TestSubscription> frozen = FrozenSublist.of(List.of(sub));
            for (String subject : SUBJECTS) {
                boolean expected = SubjectOracle.matches(filter, subject);
                assertThat(frozen.match(subject).plainSubscriptions()).as("%s ~ %s", filter, subject)
                        .isEqualTo(expected ? List.of(sub) : List.of());
                assertThat(frozen.hasInterest(subject)).isEqualTo(expected);
            }
        }
    }

    @Test
    void holdsASubscriptionGivenTwiceOnce() {
        FrozenSublist<TestSubscription> frozen = FrozenSublist.of(List.of(plain("foo"), plain("foo")));

        assertThat(frozen.count()).isEqualTo(1);
        assertThat(frozen.match("foo").plainSubscriptions()).containsExactly(plain("foo"));
    }

    @Test
    void anEmptyOneMatchesNothing() {
        assertThat(FrozenSublist.<TestSubscription>of(List.of()).hasInterest("foo")).isFalse();
        assertThat(FrozenSublist.<TestSubscription>empty().match("foo").isEmpty()).isTrue();
        assertThat(FrozenSublist.empty().count()).isZero();
    }

    @Test
    void refusesAnInvalidFilter() {
        assertThatThrownBy(() -> FrozenSublist.of(List.of(plain("foo"), plain("foo..bar"))))
                .isInstanceOf(InvalidSubjectException.class);
    }
}
