package io.natrium.domain.subject;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.SubjectOracle;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectFilterTest {

    @ParameterizedTest(name = "[{0}] is a valid filter")
    @ValueSource(strings = {"foo", "foo.bar", "*", ">", "foo.*", "foo.>", "*.bar", "foo.*.baz", "*.*.>", "foo*",
            ">foo", "foo>", "foo.*.>", "$SYS.>", "fóo.*"})
    void acceptsValidFilters(String filter) {
        assertThat(SubjectFilter.isValid(filter)).isTrue();
        assertThat(SubjectFilter.isValid(filter, true)).isTrue();
    }

    @ParameterizedTest(name = "[{0}] is not a valid filter")
    @ValueSource(strings = {"", ".", "foo.", ".foo", "foo..bar", "foo.>.bar", ">.foo", ">.>", "foo.>.*", "foo bar",
            "foo\tbar", "foo.\n", "\r", "foo.\f.bar", " "})
    void rejectsInvalidFilters(String filter) {
        assertThat(SubjectFilter.isValid(filter)).isFalse();
    }

    @Test
    void runeCheckIsOptional() {
        assertThat(SubjectFilter.isValid("foo\0.bar")).isTrue();
        assertThat(SubjectFilter.isValid("foo\0.bar", false)).isTrue();
        assertThat(SubjectFilter.isValid("foo\0.bar", true)).isFalse();
        assertThat(SubjectFilter.isValid("foo.\uFFFD", true)).isFalse();
    }

    @ParameterizedTest(name = "[{0}] matches [{1}]: {2}")
    @CsvSource({
            "foo, foo, true", "foo, bar, false", "foo.bar, foo.bar, true", "foo.bar, foo, false",
            "foo, foo.bar, false", "*, foo, true", "*, foo.bar, false", ">, foo, true", ">, foo.bar.baz, true",
            "foo.*, foo.bar, true", "foo.*, foo, false", "foo.*, foo.bar.baz, false", "foo.>, foo.bar.baz, true",
            "foo.>, foo, false", "*.bar, foo.bar, true", "*.bar, foo.baz, false", "foo.*.baz, foo.x.baz, true",
            "foo.*.>, foo.x.y.z, true", "foo.*.>, foo.x, false", "foo*, foo*, true", "foo*, foox, false",
            "foo.*, foo.*, true", "foo.bar, foo.*, false", "a.b.c, a.b.cd, false", "a.b.cd, a.b.c, false"})
    void matchesLiteralSubjects(String filter, String subject, boolean expected) {
        assertThat(SubjectFilter.matches(filter, subject)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] collides with [{1}]: {2}")
    @CsvSource({
            "foo.*.bar.>, foo.*.bar.*, true", "foo.*.bar.>, foo.baz.bar.>, true", "foo.*.bar.*, foo.baz.bar.biz, true",
            "foo.bar, foo.bar, true", "foo.bar, foo.baz, false", "foo.*, foo.bar.baz, false", "foo.>, foo, false",
            "foo.>, *, false", "*.b.>, >, true", "a.>, *.c.*, true", "a.*, b.*, false", "*.a, *.b, false",
            "a.*.c, a.b.*, true", "a.*, a.*.*, false", "a.>, a.*.*, true", "foo.bar, foo.*, true", "foo, >, true"})
    void detectsCollisions(String first, String second, boolean expected) {
        assertThat(SubjectFilter.collide(first, second)).isEqualTo(expected);
        assertThat(SubjectFilter.collide(second, first)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] is a subset of [{1}]: {2}")
    @CsvSource({
            "foo.*, >, true", "foo.*, *.*, true", "foo.*, foo.*, true", "foo.*, foo.bar, false",
            "foo.bar, foo.*, true", "foo.bar, foo.>, true", "foo.>, foo.*, false", "foo.>, foo.>, true",
            "foo.*.baz, foo.>, true", "*, >, true", ">, *, false", "foo, foo.>, false", "foo.bar, foo.bar.baz, false"})
    void decidesSubsets(String subset, String superset, boolean expected) {
        assertThat(SubjectFilter.isSubset(subset, superset)).isEqualTo(expected);
    }

    @Test
    void wildcardDetectionLooksOnlyAtWholeTokens() {
        assertThat(SubjectFilter.hasWildcard("foo.*")).isTrue();
        assertThat(SubjectFilter.hasWildcard(">")).isTrue();
        assertThat(SubjectFilter.hasWildcard("foo*.bar>")).isFalse();
    }

    /**
     * Collision and subset decided by enumeration: over filters of up to three tokens from {a, b, *, >}, two filters
     * collide when some subject of up to five tokens from {a, b, c} matches both ({@code c} stands for every token
     * neither filter names), and one is a subset of the other when every such subject it matches, the other matches.
     */
    @Test
    void collisionAndSubsetAgreeWithEnumeration() {
        List<String> filters = SubjectOracle.filters(List.of("a", "b", "*", ">"), 3);
        List<String> subjects = SubjectOracle.subjects(List.of("a", "b", "c"), 5);
        for (String first : filters) {
            for (String second : filters) {
                boolean someCommon = false;
                boolean allCovered = true;
                for (String subject : subjects) {
                    boolean inFirst = SubjectOracle.matches(first, subject);
                    boolean inSecond = SubjectOracle.matches(second, subject);
                    someCommon |= inFirst && inSecond;
                    allCovered &= !inFirst || inSecond;
                }
                assertThat(SubjectFilter.collide(first, second)).as("collide(%s, %s)", first, second)
                        .isEqualTo(someCommon);
                assertThat(SubjectFilter.isSubset(first, second)).as("isSubset(%s, %s)", first, second)
                        .isEqualTo(allCovered);
            }
        }
    }

    @Test
    void matchingAgreesWithTheOracle() {
        List<String> subjects = SubjectOracle.subjects(List.of("a", "b"), 4);
        for (String filter : SubjectOracle.filters(List.of("a", "b", "*", ">"), 4)) {
            for (String subject : subjects) {
                assertThat(SubjectFilter.matches(filter, subject)).as("%s ~ %s", filter, subject)
                        .isEqualTo(SubjectOracle.matches(filter, subject));
            }
        }
    }
}
