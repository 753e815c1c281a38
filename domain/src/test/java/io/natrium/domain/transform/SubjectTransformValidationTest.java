package io.natrium.domain.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.natrium.domain.transform.InvalidMappingException.Reason;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transforms that cannot be built, with the exact text nats-server gives for each, and those that can. */
class SubjectTransformValidationTest {

    private static final String PREFIX = "invalid mapping destination: ";

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        // Both sides must be subjects; the destination has no '*', and '>' on both sides or neither.
        "foo..   | bar                                | INVALID_SUBJECT      | ''",
        "foo.>.x | bar                                | INVALID_SUBJECT      | ''",
        "foo.*   | bar.*                              | INVALID_SUBJECT      | ''",
        "foo.*   | bar.$1.>                           | INVALID_SUBJECT      | ''",
        "foo.>   | bar.baz                            | INVALID_SUBJECT      | ''",
        "foo     | bar..baz                           | INVALID_SUBJECT      | ''",
        // References beyond the source's wildcards; with a literal source, any reference.
        "foo.*   | bar.$2                             | INDEX_OUT_OF_RANGE   | $2: [2]",
        "foo.*   | foo.{{wildcard(2)}}                | INDEX_OUT_OF_RANGE   | {{wildcard(2)}}: [2]",
        "foo.*   | {{partition(3,1,5)}}               | INDEX_OUT_OF_RANGE   | {{partition(3,1,5)}}: [5]",
        "foo.*   | {{SplitFromLeft(9,1)}}             | INDEX_OUT_OF_RANGE   | {{SplitFromLeft(9,1)}}: [9]",
        "foo     | bla.{{wildcard(1)}}                | INDEX_OUT_OF_RANGE   | {{wildcard(1)}}",
        "foo     | bla.$1                             | INDEX_OUT_OF_RANGE   | $1",
        "foo     | {{left(1,2)}}                      | INDEX_OUT_OF_RANGE   | {{left(1,2)}}",
        // Unknown functions, including names in the wrong case: only word-initial letters may change case.
        "foo.*   | foo.{{unimplemented(1)}}           | UNKNOWN_FUNCTION     | {{unimplemented(1)}}",
        "foo.*   | foo.{{ wildcard5) }}               | UNKNOWN_FUNCTION     | {{ wildcard5) }}",
        "foo.*   | foo.{{splitLeft(2,2}}              | UNKNOWN_FUNCTION     | {{splitLeft(2,2}}",
        "foo.*   | {{WILDCARD(1)}}                    | UNKNOWN_FUNCTION     | {{WILDCARD(1)}}",
        "foo.*   | {{wildCard(1)}}                    | UNKNOWN_FUNCTION     | {{wildCard(1)}}",
        "foo     | {{}}x}}                            | UNKNOWN_FUNCTION     | {{}}x}}",
        // Argument counts.
        "foo.*   | foo.{{wildcard()}}                 | NOT_ENOUGH_ARGUMENTS | {{wildcard()}}",
        "foo.*   | foo.{{wildcard(1,2)}}              | TOO_MANY_ARGUMENTS   | {{wildcard(1,2)}}",
        "foo.*   | {{SplitFromLeft(1)}}               | NOT_ENOUGH_ARGUMENTS | {{SplitFromLeft(1)}}",
        "foo.*   | {{SliceFromRight(1,2,3)}}          | TOO_MANY_ARGUMENTS   | {{SliceFromRight(1,2,3)}}",
        "foo.*   | {{split(1)}}                       | NOT_ENOUGH_ARGUMENTS | {{split(1)}}",
        "foo.*   | {{split(1,-,+)}}                   | TOO_MANY_ARGUMENTS   | {{split(1,-,+)}}",
        "foo.*   | {{right()}}                        | NOT_ENOUGH_ARGUMENTS | {{right()}}",
        // Random reports any count but one as too few, even too many (as nats-server does).
        "foo.*   | {{random(1,2)}}                    | NOT_ENOUGH_ARGUMENTS | {{random(1,2)}}",
        // Arguments that are not Go integers, or out of range.
        "foo.*   | foo.{{wildcard(foo)}}              | INVALID_ARGUMENT     | {{wildcard(foo)}}",
        "foo.*   | foo.{{partition()}}                | INVALID_ARGUMENT     | {{partition()}}",
        "foo.*   | foo.{{random()}}                   | INVALID_ARGUMENT     | {{random()}}",
        "foo.*   | {{partition(2147483648)}}          | INVALID_ARGUMENT     | {{partition(2147483648)}}",
        "foo.bar | {{random(2147483648)}}             | INVALID_ARGUMENT     | {{random(2147483648)}}",
        "foo.*   | {{partition(3,x)}}                 | INVALID_ARGUMENT     | {{partition(3,x)}}",
        "foo.*   | {{left(1,2147483648)}}             | INVALID_ARGUMENT     | {{left(1,2147483648)}}",
        "foo.*   | {{left(1,1_0)}}                    | INVALID_ARGUMENT     | {{left(1,1_0)}}",
        "foo.*   | {{left(x,1)}}                      | INVALID_ARGUMENT     | {{left(x,1)}}",
        "foo.*   | {{wildcard(٣)}}                    | INVALID_ARGUMENT     | {{wildcard(٣)}}",
        "foo.*   | {{wildcard(99999999999999999999)}} | INVALID_ARGUMENT     | {{wildcard(99999999999999999999)}}",
        "foo.*   | {{split(1,a b)}}                   | INVALID_ARGUMENT     | {{split(1,a b)}}",
        "foo.*   | {{split(1,- )}}                    | INVALID_ARGUMENT     | {{split(1,- )}}",
    })
    void refusesWithNatsServersReasonAndToken(String source, String destination, Reason reason, String detail) {
        InvalidMappingException error = catchThrowableOfType(() -> SubjectTransform.of(source, destination),
                InvalidMappingException.class);

        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.detail()).isEqualTo(detail);
        assertThat(error).hasMessage(detail.isEmpty() ? reason.text() : reason.text() + " in " + detail);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "INVALID_SUBJECT            | invalid subject",
        "INVALID_TRANSFORM          | invalid mapping destination: invalid transform",
        "NOT_USING_ALL_WILDCARDS    | invalid mapping destination: not using all of the token wildcard(s)",
        "UNKNOWN_FUNCTION           | invalid mapping destination: unknown function",
        "INDEX_OUT_OF_RANGE         | invalid mapping destination: wildcard index out of range",
        "NOT_ENOUGH_ARGUMENTS       | invalid mapping destination: not enough arguments passed to the function",
        "INVALID_ARGUMENT           | invalid mapping destination: function argument is invalid or in the wrong format",
        "TOO_MANY_ARGUMENTS         | invalid mapping destination: too many arguments passed to the function",
        "NOT_SUPPORTED_FOR_IMPORT   | invalid mapping destination: the only mapping function allowed for import "
                + "transforms is {{Wildcard()}}",
        "DUPLICATE_ENTRY            | duplicate entry for",
        "INDIVIDUAL_WEIGHT_TOO_HIGH | individual weights need to be <= 100",
        "TOTAL_WEIGHT_TOO_HIGH      | total weight needs to be <= 100",
    })
    void eachReasonCarriesNatsServersText(Reason reason, String text) {
        assertThat(reason.text()).isEqualTo(text);
        assertThat(reason.isInvalidMappingDestination()).isEqualTo(text.startsWith(PREFIX));
    }

    @Test
    void fullMessagesReadAsNatsServersDo() {
        assertThat(catchThrowableOfType(() -> SubjectTransform.of("foo.*", "foo.{{wildcard(2)}}"),
                InvalidMappingException.class))
                .hasMessage("invalid mapping destination: wildcard index out of range in {{wildcard(2)}}: [2]");
        assertThat(catchThrowableOfType(() -> SubjectTransform.of("foo.*", "{{split(1,a b)}}"),
                InvalidMappingException.class))
                .hasMessage("invalid mapping destination: function argument is invalid or in the wrong format"
                        + " in {{split(1,a b)}}");
        assertThat(catchThrowableOfType(() -> SubjectTransform.of("foo", "bla.$1"), InvalidMappingException.class))
                .hasMessage("invalid mapping destination: wildcard index out of range in $1");
        assertThat(catchThrowableOfType(() -> SubjectTransform.of("foo.*", "bar.*"), InvalidMappingException.class))
                .hasMessage("invalid subject");
    }

    @Test
    void aTabIsNotTrimmedFromAnArgumentOnlySpacesAre() {
        assertThat(SubjectTransform.of("foo.*", "{{wildcard( 1 )}}").transform("foo.x")).isEqualTo("x");
        assertThat(catchThrowableOfType(() -> SubjectTransform.of("foo.*", "{{wildcard(1\t)}}"),
                InvalidMappingException.class).reason()).isEqualTo(Reason.INVALID_ARGUMENT);
    }

    @Test
    void theErrorNamesTheReasonAndTheToken() {
        InvalidMappingException error = catchThrowableOfType(() -> SubjectTransform.of("foo.*", "x.{{bogus(1)}}"),
                InvalidMappingException.class);

        assertThat(error.reason()).isEqualTo(Reason.UNKNOWN_FUNCTION);
        assertThat(error.detail()).isEqualTo("{{bogus(1)}}");
        assertThat(error.reason().text()).isEqualTo(PREFIX + "unknown function");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "foo.*.*      | bar.$2",
        "foo.*.*      | bar.{{wildcard(1)}}",
        "foo.*.*      | bar.{{partition(1)}}",
        "foo.*.*      | bar.{{random(5)}}",
        "foo          | bar",
        "foo.*.bar.*.baz | req.$2.$1",
        "baz.>        | mybaz.>",
        "*            | {{splitfromleft(1,1)}}",
        "*.*          | {{partition(10,1,2)}}",
        "foo.*.*      | foo.{{wildcard(1)}}.{{wildcard(2)}}.{{partition(5,1,2)}}",
        "foo.*        | foo.{{partition(2147483647)}}",
        "foo.*        | foo.{{random(2147483647)}}",
        "foo.bar      | foo.{{random(2147483647)}}",
        "foo.*        | {{partition(-2147483649)}}",
        // Not braced, or braced around nothing: literal tokens.
        "foo.*        | {{}}.{{x.y}}",
        "foo.*        | {wildcard(1)}",
        // A '.' inside a call splits the token, leaving two literals.
        "foo.*        | {{split(1,.)}}",
        // Whitespace is not checked here (it is for mapping destinations).
        "foo.*        | a b",
    })
    void builds(String source, String destination) {
        assertThatCode(() -> SubjectTransform.of(source, destination)).doesNotThrowAnyException();
    }

    @Test
    void anEmptySourceMeansEverySubjectAndAnEmptyDestinationMeansNoChange() {
        SubjectTransform everything = SubjectTransform.of("", "prefix.>");
        assertThat(everything.source()).isEqualTo(">");
        assertThat(everything.transform("foo")).isEqualTo("prefix.foo");

        SubjectTransform unchanged = SubjectTransform.of("foo.*.>", "");
        assertThat(unchanged.destination()).isEqualTo("foo.$1.>");
        assertThat(unchanged.transform("foo.a.b.c")).isEqualTo("foo.a.b.c");
        assertThat(SubjectTransform.of("", "").transform("a.b")).isEqualTo("a.b");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // The token checks of a mapping destination come first, so their error wins over a later token's.
        "foo         | bar..baz                      | " + PREFIX + "invalid transform",
        "foo.>       | bar.>.baz                     | " + PREFIX + "invalid transform in baz",
        "foo         | bar baz                       | " + PREFIX + "invalid transform",
        "foo         | bar.x\ty                      | " + PREFIX + "invalid transform",
        "foo.*       | {{wildcard(9)}}.{{foo(1)}}    | " + PREFIX + "unknown function in {{foo(1)}}",
        "foo.*       | $1.{{wildcard(9)}}            | " + PREFIX + "wildcard index out of range in {{wildcard(9)}}"
                + ": [9]",
        "foo.*       | bar.*                         | invalid subject",
    })
    void aMappingDestinationIsCheckedMoreStrictly(String source, String destination, String message) {
        assertThat(catchThrowableOfType(() -> SubjectTransform.validateMapping(source, destination),
                InvalidMappingException.class)).hasMessage(message);
    }

    @Test
    void aMappingDestinationMayUseEveryFunctionAndSpacesInsideACall() {
        assertThatCode(() -> SubjectTransform.validateMapping("foo.*",
                "{{ wildcard(1) }}.{{left(1,2)}}.{{Right(1, 2)}}.{{SplitFromLeft(1,1)}}.{{SliceFromRight(1,1)}}"
                        + ".{{split(1,-)}}.{{partition(2, 1)}}.{{random(2)}}.$1"))
                .doesNotThrowAnyException();
    }
}
