package io.natrium.domain.sublist;

import static io.natrium.domain.sublist.TestSubscription.plain;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.subject.SubjectView;

import org.junit.jupiter.api.Test;

class MatchCacheTest {

    private final Sublist<TestSubscription> sublist = new Sublist<>(true, Runnable::run);
    private final MatchCache<TestSubscription> cache = new MatchCache<>(sublist);
    private final SubjectView view = new SubjectView();

    @Test
    void servesRepeatedSubjectsWithoutAskingTheSublist() {
        sublist.insert(plain("foo.*"));

        SublistResult<TestSubscription> first = cache.match(subject("foo.bar"));
        long matchesAfterFirst = sublist.stats().numMatches();
        SublistResult<TestSubscription> second = cache.match(subject("foo.bar"));

        assertThat(second).isSameAs(first);
        assertThat(sublist.stats().numMatches()).isEqualTo(matchesAfterFirst);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void forgetsEverythingWhenTheSublistChanges() {
        TestSubscription star = plain("foo.*");
        sublist.insert(star);
        assertThat(cache.match(subject("foo.bar")).plainSubscriptions()).containsExactly(star);

        TestSubscription literal = plain("foo.bar");
        sublist.insert(literal);
        assertThat(cache.match(subject("foo.bar")).plainSubscriptions()).containsExactly(star, literal);

        sublist.remove(star);
        assertThat(cache.match(subject("foo.bar")).plainSubscriptions()).containsExactly(literal);
    }

    @Test
    void theLastSubjectIsAnsweredAgainOnlyForTheSameBytesAndTheSameGeneration() {
        TestSubscription foo = plain("foo.bar");
        TestSubscription bar = plain("foo.baz");
        sublist.insert(foo);
        sublist.insert(bar);
        // The probe is one view over one buffer, changed in place between calls, as the decoder's is.
        byte[] buffer = "foo.bar".getBytes(UTF_8);
        assertThat(cache.match(view.wrap(buffer)).plainSubscriptions()).containsExactly(foo);

        buffer[6] = 'z';
        assertThat(cache.match(view.wrap(buffer)).plainSubscriptions()).containsExactly(bar);
        assertThat(cache.match(view.wrap(buffer)).plainSubscriptions()).as("the same again").containsExactly(bar);

        sublist.remove(bar);
        assertThat(cache.match(view.wrap(buffer)).isEmpty()).as("after the sublist changed").isTrue();
    }

    @Test
    void keepsEmptyResultsUntilTheSublistChanges() {
        sublist.insert(plain("foo"));

        assertThat(cache.match(subject("bar")).isEmpty()).isTrue();
        long matches = sublist.stats().numMatches();
        assertThat(cache.match(subject("bar")).isEmpty()).isTrue();
        assertThat(sublist.stats().numMatches()).as("served from the connection cache").isEqualTo(matches);

        TestSubscription bar = plain("bar");
        sublist.insert(bar);
        assertThat(cache.match(subject("bar")).plainSubscriptions()).containsExactly(bar);
    }

    @Test
    void comparesKeysByBytesIncludingInvalidUtf8() {
        TestSubscription all = plain(">");
        sublist.insert(all);
        byte[] invalid = {'a', '.', (byte) 0xC3};

        assertThat(cache.match(view.wrap(invalid)).plainSubscriptions()).containsExactly(all);
        long matches = sublist.stats().numMatches();
        assertThat(cache.match(view.wrap(invalid.clone())).plainSubscriptions()).containsExactly(all);
        assertThat(sublist.stats().numMatches()).isEqualTo(matches);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void prunesWhenFull() {
        sublist.insert(plain(">"));
        for (int i = 0; i <= MatchCache.MAX_ENTRIES; i++) {
            cache.match(subject("s." + i));
        }

        assertThat(cache.size()).isEqualTo(MatchCache.MAX_ENTRIES + 1 - MatchCache.PRUNE_COUNT);
    }

    @Test
    void handlesNonAsciiSubjects() {
        TestSubscription sub = plain("préférences.ünïcode");
        sublist.insert(sub);

        assertThat(cache.match(subject("préférences.ünïcode")).plainSubscriptions()).containsExactly(sub);
        long matches = sublist.stats().numMatches();
        assertThat(cache.match(subject("préférences.ünïcode")).plainSubscriptions()).containsExactly(sub);
        assertThat(sublist.stats().numMatches()).as("second lookup is a cache hit").isEqualTo(matches);
    }

    private SubjectView subject(String text) {
        return view.wrap(text.getBytes(UTF_8));
    }
}
