package io.natrium.domain.subject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectTest {

    @ParameterizedTest(name = "[{0}] is a valid publish subject")
    @ValueSource(strings = {"foo", "foo.bar", "foo.bar.baz.qux", "$SYS.REQ.SERVER.PING", "_INBOX.Ab9.x", "foo-bar_baz",
            "foo*", "foo.*bar", "*bar", "foo>", "foo.>bar", ">bar", "fóo.bär", "日本.語", "a.b.c.d.e.f.g.h.i.j"})
    void acceptsValidPublishSubjects(String subject) {
        assertThat(Subject.isValidPublish(subject)).isTrue();
        assertThat(Subject.isValidLiteral(subject)).isTrue();
        assertThat(Subject.isLiteral(subject)).isTrue();
    }

    @ParameterizedTest(name = "[{0}] is not a valid publish subject")
    @ValueSource(strings = {"", ".", "..", "foo.", ".foo", "foo..bar", "*", ">", "foo.*", "foo.>", "*.foo",
            "foo.*.bar", "foo bar", "foo\tbar", " foo", "foo ", "foo.\r", "foo\n", "\f", "foo. .bar"})
    void rejectsInvalidPublishSubjects(String subject) {
        assertThat(Subject.isValidPublish(subject)).isFalse();
    }

    @ParameterizedTest(name = "isValidLiteral([{0}]) = {1}")
    @CsvSource(delimiter = '|', value = {
            "foo|true", ".foo|false", "foo.|false", "foo..bar|false", "foo.bar.*|false", "foo.bar.>|false",
            "*|false", ">|false", "foo*|true", "foo**|true", "foo.**|true", "foo*bar|true", "foo.*bar|true",
            "foo*.bar|true", "*bar|true", "foo>|true", "foo>>|true", "foo.>>|true", "foo>bar|true", "foo.>bar|true",
            "foo>.bar|true", ">bar|true", "'foo bar'|true", "''|false"})
    void validLiteralFollowsNatsServer(String subject, boolean valid) {
        assertThat(Subject.isValidLiteral(subject)).isEqualTo(valid);
    }

    @Test
    void literalnessLooksOnlyAtWholeTokens() {
        assertThat(Subject.isLiteral("foo.*")).isFalse();
        assertThat(Subject.isLiteral("*.foo")).isFalse();
        assertThat(Subject.isLiteral("foo.>")).isFalse();
        assertThat(Subject.isLiteral("foo.*x")).isTrue();
        assertThat(Subject.isLiteral("x>.foo")).isTrue();
        assertThat(Subject.isLiteral("")).isTrue();
    }

    @Test
    void runeCheckRejectsNulReplacementCharacterAndLoneSurrogates() {
        assertThat(Subject.hasValidRunes("foo.bär.😀")).isTrue();
        assertThat(Subject.hasValidRunes("foo\0bar")).isFalse();
        assertThat(Subject.hasValidRunes("foo\uFFFD")).isFalse();
        assertThat(Subject.hasValidRunes("foo\uD83D")).isFalse();
        assertThat(Subject.hasValidRunes("\uDE00foo")).isFalse();
    }

    @Test
    void countsTokens() {
        assertThat(Subject.tokenCount("")).isZero();
        assertThat(Subject.tokenCount("foo")).isEqualTo(1);
        assertThat(Subject.tokenCount("foo.bar.>")).isEqualTo(3);
        assertThat(Subject.tokenCount("foo..")).isEqualTo(3);
    }

    @Test
    void returnsTokensByZeroBasedIndex() {
        assertThat(Subject.token("foo.bar.baz", 0)).isEqualTo("foo");
        assertThat(Subject.token("foo.bar.baz", 1)).isEqualTo("bar");
        assertThat(Subject.token("foo.bar.baz", 2)).isEqualTo("baz");
        assertThat(Subject.token("foo.bar.baz", 3)).isEmpty();
        assertThat(Subject.token("foo.bar.baz", -1)).isEmpty();
        assertThat(Subject.token("foo..baz", 1)).isEmpty();
    }

    @Test
    void splitsIntoTokensKeepingEmptyOnes() {
        assertThat(Subject.tokens("a.b.c")).containsExactly("a", "b", "c");
        assertThat(Subject.tokens("a..c")).containsExactly("a", "", "c");
        assertThat(Subject.tokens(".a.")).containsExactly("", "a", "");
        assertThat(Subject.tokens("")).containsExactly("");
    }
}
