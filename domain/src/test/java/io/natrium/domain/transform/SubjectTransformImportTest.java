package io.natrium.domain.transform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.transform.InvalidMappingException.Reason;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The strict transforms imports use, their reverse, the helpers that turn filters into destinations and back, and
 * which subjects a transform accepts.
 */
class SubjectTransformImportTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "foo.*.* | bar.$2                 | NOT_USING_ALL_WILDCARDS  | bar.$2",
        "foo.*.* | bar.{{wildcard(1)}}.x  | NOT_USING_ALL_WILDCARDS  | bar.{{wildcard(1)}}.x",
        "foo.*   | bar.{{Partition(2,1)}} | NOT_SUPPORTED_FOR_IMPORT | {{Partition(2,1)}}",
        "foo.*   | $1.{{random(3)}}       | NOT_SUPPORTED_FOR_IMPORT | {{random(3)}}",
        "foo.*   | foo.{{wildcard(x)}}    | INVALID_ARGUMENT         | {{wildcard(x)}}",
    })
    void aStrictTransformOnlyReferencesWildcardsAndUsesThemAll(String source, String destination, Reason reason,
                                                              String detail) {
        InvalidMappingException error = catchThrowableOfType(() -> SubjectTransform.strict(source, destination),
                InvalidMappingException.class);

        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error).hasMessage(reason.text() + " in " + detail);
    }

    @Test
    void aStrictTransformNamesTheOnlyFunctionItAllows() {
        assertThat(catchThrowableOfType(() -> SubjectTransform.strict("foo.*", "{{partition(2,1)}}"),
                InvalidMappingException.class)).hasMessage("invalid mapping destination: the only mapping function"
                + " allowed for import transforms is {{Wildcard()}} in {{partition(2,1)}}");
    }

    @Test
    void strictnessCountsReferencesNotDistinctWildcardsAndSparesLiteralSources() {
        // As in nats-server: $1 twice counts as two references, and a literal source skips the strict checks.
        assertThat(SubjectTransform.strict("foo.*.*", "bar.$1.$1").transform("foo.a.b")).isEqualTo("bar.a.a");
        assertThat(SubjectTransform.strict("foo", "bar.{{partition(3)}}").destination())
                .isEqualTo("bar.{{partition(3)}}");
    }

    @Test
    void aStrictTransformAndItsReverseRoundTrip() {
        SubjectTransform transform = SubjectTransform.strict("foo.*.*", "bar.$2.{{Wildcard(1)}}");
        SubjectTransform reverse = transform.reverse();

        assertThat(transform.transform("foo.b.a")).isEqualTo("bar.a.b");
        assertThat(reverse.source()).isEqualTo("bar.*.*");
        assertThat(reverse.destination()).isEqualTo("foo.$2.{{Wildcard(1)}}");
        assertThat(reverse.transform("bar.a.b")).isEqualTo("foo.b.a");
    }

    @Test
    void reversingKeepsFullWildcardsAndLiterals() {
        SubjectTransform transform = SubjectTransform.strict("in.*.x.>", "out.y.$1.>");

        assertThat(transform.transform("in.k.x.1.2")).isEqualTo("out.y.k.1.2");
        assertThat(transform.reverse().transform("out.y.k.1.2")).isEqualTo("in.k.x.1.2");
        assertThat(SubjectTransform.strict("a", "b").reverse().transform("b")).isEqualTo("a");
    }

    @Test
    void theReverseFollowsNatsServerAndDoesNotUndoARotation() {
        SubjectTransform rotate = SubjectTransform.strict("*.*.*", "$3.$1.$2");

        assertThat(rotate.transform("a.b.c")).isEqualTo("c.a.b");
        assertThat(rotate.reverse().transform("c.a.b")).isEqualTo("b.c.a");
    }

    @Test
    void aTransformWithoutEnoughReferencesHasNoReverse() {
        SubjectTransform transform = SubjectTransform.of("foo.*.*", "bar.$1");

        assertThat(catchThrowableOfType(transform::reverse, InvalidMappingException.class).reason())
                .isEqualTo(Reason.NOT_USING_ALL_WILDCARDS);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "foo.*.*      | foo.$1.$2",
        "*.bar.>      | $1.bar.>",
        "foo          | foo",
        ">            | >",
        "a*.*b        | a*.*b",
    })
    void referencingWildcardsMakesTheSelfMapping(String filter, String destination) {
        assertThat(SubjectTransform.referencingWildcards(filter)).isEqualTo(destination);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "bar                                  | bar",
        "foo.$2.$1                            | foo.*.*",
        "foo.{{wildcard(2)}}.{{wildcard(1)}}  | foo.*.*",
        "$0.$x.$                              | $0.$x.$",
        "a.{{wildcard()}}.{{partition(2,1)}}  | a.{{wildcard()}}.{{partition(2,1)}}",
        "x.>                                  | x.>",
    })
    void filterOfTurnsReferencesIntoWildcards(String destination, String filter) {
        assertThat(SubjectTransform.filterOf(destination)).isEqualTo(filter);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "foo.*     | foo.bar     | true",
        "foo.*     | foo         | false",
        "foo.*     | foo.bar.baz | false",
        "foo.>     | foo.bar.baz | true",
        "foo.>     | foo         | false",
        ">         | anything.at.all | true",
        "foo.bar   | foo.bar     | true",
        "foo.bar   | foo.baz     | false",
        // Only valid literal subjects are transformed, as in nats-server's Match.
        "foo.*     | foo.*       | false",
        ">         | foo..bar    | false",
        "foo.*     | ''          | false",
        // '*x' is a literal token in a source, not a wildcard.
        "foo.*x    | foo.bar     | false",
    })
    void matchesValidLiteralSubjectsUnderTheSource(String source, String subject, boolean expected) {
        SubjectTransform transform = SubjectTransform.of(source, source.contains(">") ? "t.>" : "t");

        assertThat(transform.matches(subject)).isEqualTo(expected);
        assertThat(transform.apply(new SubjectView().wrap(subject.getBytes(UTF_8)), new TransformBuffer()))
                .isEqualTo(expected);
    }

    @Test
    void anImportedStreamSubjectWithWildcardTokensPassesThemThroughAsText() {
        SubjectTransform toImporter = SubjectTransform.strict("t.*", "p.$1.q");
        TransformBuffer buffer = new TransformBuffer();

        toImporter.applyMatched(new SubjectView().wrap("t.>".getBytes(UTF_8)), buffer);
        assertThat(buffer.subject().toString()).isEqualTo("p.>.q");

        toImporter.applyMatched(new SubjectView().wrap("t.a".getBytes(UTF_8)), buffer);
        assertThat(buffer.subject().toString()).isEqualTo("p.a.q");
        assertThat(toImporter.apply(new SubjectView().wrap("t.*".getBytes(UTF_8)), buffer))
                .as("the checking form refuses what is not a literal subject").isFalse();
    }
}
