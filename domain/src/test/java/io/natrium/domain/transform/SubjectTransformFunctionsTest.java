package io.natrium.domain.transform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.subject.SubjectView;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every destination function, applied to subjects that match the source: each row is source, destination, subject
 * and the expected result. The String form and the byte form must agree on every row.
 */
class SubjectTransformFunctionsTest {

    @ParameterizedTest(name = "{0} -> {1}: {2} = {3}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        // Wildcard references, legacy and mustache, in any order and repeated.
        "orders.*.*      | shipped.$2.$1                           | orders.eu.42    | shipped.42.eu",
        "orders.*.*      | shipped.{{wildcard(2)}}.{{Wildcard(1)}} | orders.eu.42    | shipped.42.eu",
        "orders.*.*      | shipped.{{ wildcard ( 2 ) }}.x          | orders.eu.42    | shipped.42.x",
        "orders.*.*      | $1.$1.$1                                | orders.eu.42    | eu.eu.eu",
        "orders.*.*      | only.$2                                 | orders.eu.42    | only.42",
        "orders.*        | {{wildcard(+1)}}                        | orders.eu       | eu",
        "*               | prefix.$1                               | a               | prefix.a",
        // nats-server reads wildcard 0 and negative numbers as the subject's first token.
        "orders.*        | $0.$1                                   | orders.eu       | orders.eu",
        "orders.*        | {{wildcard(-1)}}                        | orders.eu       | orders",
        // A '$' token that is not a number stays literal.
        "orders.*        | $x.$1.$                                 | orders.eu       | $x.eu.$",
        // Full wildcards: the destination's '>' takes every token from the source's '>' on.
        "baz.>           | my.pre.>                                | baz.1.2.3       | my.pre.1.2.3",
        "baz.>           | >                                       | baz.1.2.3       | 1.2.3",
        "*.>             | $1.tail.>                               | a.b.c           | a.tail.b.c",
        "foo.*.>         | bar.>                                   | foo.a.b.c       | bar.b.c",
        ">               | prefix.>                                | x.y             | prefix.x.y",
        // Literal sources.
        "foo             | bar                                     | foo             | bar",
        "foo.bar         | a.b.c                                   | foo.bar         | a.b.c",
        // Partition: FNV-1a of the whole subject, or of the named tokens concatenated, modulo n.
        "*               | bar.{{partition(10)}}                   | foo             | bar.3",
        "*               | bar.{{partition(10)}}                   | baz             | bar.0",
        "*               | bar.{{partition(10)}}                   | qux             | bar.9",
        "*.*             | bar.{{partition(10)}}                   | foo.bar         | bar.6",
        "*               | bar.{{partition(10, 1)}}                | foo             | bar.3",
        "*               | bar.{{partition(10, 0)}}                | foo             | bar.3",
        "foo.bar         | baz.{{partition(10)}}                   | foo.bar         | baz.6",
        "foo.baz         | qux.{{partition(10)}}                   | foo.baz         | qux.4",
        "foo.baz         | qux.{{partition(10, 1, 2)}}             | foo.baz         | qux.4",
        "test.subject    | result.{{partition(5)}}                 | test.subject    | result.0",
        "*               | bar.{{partition(0)}}                    | baz             | bar.0",
        "*               | bar.{{partition(1)}}                    | baz             | bar.0",
        "*.*             | {{Partition(10,1,2)}}.$1                | a.bc            | 1.a",
        "*.*             | {{Partition(10,1,2)}}.$1                | ab.c            | 1.ab",
        "*.*             | {{partition(10,2,1)}}                   | c.ab            | 1",
        // SplitFromLeft / SplitFromRight: one cut, positions outside the token leave it whole.
        "*               | {{splitfromleft(1,3)}}                  | 12345           | 123.45",
        "*               | {{SplitFromLeft(1,1)}}                  | 12345           | 1.2345",
        "*               | {{SplitFromLeft(1,5)}}                  | 12345           | 12345",
        "*               | {{SplitFromLeft(1,0)}}                  | 12345           | 12345",
        "*               | {{SplitFromLeft(1,-2)}}                 | 12345           | 12345",
        "*               | {{SplitFromRight(1,3)}}                 | 12345           | 12.345",
        "*               | {{splitFromRight(1,4)}}                 | 12345           | 1.2345",
        "*               | {{SplitFromRight(1,9)}}                 | 12345           | 12345",
        // SliceFromLeft / SliceFromRight: fixed-size pieces, the remainder last or first.
        "*               | {{SliceFromLeft(1,3)}}                  | 1234567890      | 123.456.789.0",
        "*               | {{SliceFromLeft(1,3)}}                  | 123456          | 123.456",
        "*               | {{SliceFromLeft(1,2)}}                  | abcdefg         | ab.cd.ef.g",
        "*               | {{SliceFromLeft(1,1)}}                  | abc             | a.b.c",
        "*               | {{SliceFromLeft(1,3)}}                  | abc             | abc",
        "*               | {{SliceFromLeft(1,0)}}                  | abc             | abc",
        "*               | {{SliceFromRight(1,3)}}                 | 1234567890      | 1.234.567.890",
        "*               | {{SliceFromRight(1,3)}}                 | 123456          | 123.456",
        "*               | {{sliceFromRight(1,2)}}                 | abcde           | a.bc.de",
        "*               | {{SliceFromRight(1,7)}}                 | abcde           | abcde",
        // Split on a delimiter: empty pieces vanish, with nats-server's joining rule.
        "*               | {{split(1,-)}}                          | -abc-def--ghi-  | abc.def.ghi",
        "*               | {{split(1,-)}}                          | abc-def--ghi-   | abc.def.ghi",
        "*               | {{split(1,-)}}                          | abc             | abc",
        "*               | {{split(1,::)}}                         | a::b:c::        | a.b:c",
        "*               | {{split(1,aa)}}                         | aaa             | a",
        "*               | {{Split(1, -)}}                         | a-b             | a.b",
        "*               | {{split(1,-)}}                          | --a             | .a",
        "*               | x.{{split(1,-)}}.y                      | ---             | x..y",
        "*               | {{split(1,)}}                           | abc             | a.b.c",
        "*.*             | {{split(2,-)}}.{{splitfromleft(1,2)}}   | foo.-abc-def--ghij- | abc.def.ghij.fo.o",
        // Left / Right: the first or last n bytes; lengths outside the token keep it whole.
        "*               | {{right(1,1)}}                          | 1234            | 4",
        "*               | {{right(1,3)}}                          | 1234            | 234",
        "*               | {{right(1,6)}}                          | 1234            | 1234",
        "*               | {{Right(1,0)}}                          | 1234            | 1234",
        "*               | {{left(1,1)}}                           | 1234            | 1",
        "*               | {{left(1,3)}}                           | 1234            | 123",
        "*               | {{Left(1,6)}}                           | 1234            | 1234",
        "*               | {{Left(1,-1)}}                          | 1234            | 1234",
        // Unicode: everything counts UTF-8 bytes; whole characters survive.
        "*               | {{left(1,3)}}                           | héllo           | hé",
        "*               | {{right(1,3)}}                          | 日本            | 本",
        "*               | {{split(1,é)}}                          | aébéc           | a.b.c",
        "*               | {{split(1,)}}                           | a日b            | a.日.b",
        "*               | {{SliceFromLeft(1,3)}}                  | 日本語          | 日.本.語",
        "*.*             | {{wildcard(2)}}.{{wildcard(1)}}         | ünï.😀          | 😀.ünï",
    })
    void transformsAMatchingSubject(String source, String destination, String subject, String expected) {
        SubjectTransform transform = SubjectTransform.of(source, destination);

        assertThat(transform.matches(subject)).isTrue();
        assertThat(transform.transform(subject)).isEqualTo(expected);
        TransformBuffer buffer = new TransformBuffer();
        assertThat(transform.apply(new SubjectView().wrap(subject.getBytes(UTF_8)), buffer)).isTrue();
        assertThat(buffer.subject().toString()).isEqualTo(expected);
    }

    @Test
    void partitionHashesTheUtf8BytesOfTheNamedTokensConcatenated() {
        SubjectTransform transform = SubjectTransform.of("*.*.*", "{{partition(7, 3, 1)}}");

        assertThat(transform.transform("日本.x.語"))
                .isEqualTo(Long.toString(Fnv.partition("語日本", 7)));
        assertThat(SubjectTransform.of("*.*", "{{partition(1000)}}").transform("ünï.😀"))
                .isEqualTo(Long.toString(Fnv.partition("ünï.😀", 1000)));
    }

    @Test
    void aNegativePartitionCountDividesByItsUnsigned32BitValueAsNatsServerDoes() {
        String result = SubjectTransform.of("*", "{{partition(-3)}}").transform("foo");

        assertThat(result).isEqualTo(Long.toString(Fnv.fnv1a("foo") % (4_294_967_296L - 3)));
    }

    @Test
    void lengthsCountBytesSoACutCanFallInsideACharacter() {
        SubjectTransform transform = SubjectTransform.of("*", "{{left(1,2)}}");
        TransformBuffer buffer = new TransformBuffer();

        assertThat(transform.apply(new SubjectView().wrap("héllo".getBytes(UTF_8)), buffer)).isTrue();

        assertThat(bytes(buffer.subject())).containsExactly('h', 0xC3);
        assertThat(buffer.subject().isValidUtf8()).isFalse();
        assertThat(transform.transform("héllo")).as("the cut byte kept as text").isEqualTo("h\udcc3");
    }

    @Test
    void splittingOnNothingKeepsInvalidBytesOneByOne() {
        SubjectTransform transform = SubjectTransform.of("*", "{{split(1,)}}");
        TransformBuffer buffer = new TransformBuffer();
        byte[] subject = {'a', (byte) 0xFF, (byte) 0xC3, (byte) 0xA9};

        assertThat(transform.apply(new SubjectView().wrap(subject), buffer)).isTrue();

        assertThat(bytes(buffer.subject())).containsExactly('a', '.', 0xFF, '.', 0xC3, 0xA9);
    }

    @Test
    void randomDrawsFromTheInjectedGeneratorModuloTheCeiling() {
        SubjectTransform transform = SubjectTransform.of("*", "bar.{{random(6)}}.{{Random(3)}}")
                .withRandom(new ScriptedRandom(17, -1));

        // nats-server draws a non-negative 31-bit number: the top bit of the 32 drawn is dropped.
        assertThat(transform.transform("qux")).isEqualTo("bar." + (8 % 6) + "." + (Integer.MAX_VALUE % 3));
    }

    @Test
    void randomStaysWithinItsCeilingAndZeroGivesZero() {
        SubjectTransform transform = SubjectTransform.of("*", "{{random(6)}}.{{random(0)}}.{{random(-4)}}")
                .withRandom(new SplittableRandom(7));
        for (int i = 0; i < 1_000; i++) {
            String[] parts = transform.transform("qux").split("\\.");
            assertThat(Integer.parseInt(parts[0])).isBetween(0, 5);
            assertThat(parts[1]).isEqualTo("0");
            assertThat(Integer.parseInt(parts[2])).isBetween(0, 3);
        }
    }

    @Test
    void aLiteralSourceMayStillUsePartitionAndRandom() {
        SubjectTransform transform = SubjectTransform.of("orders", "orders.{{partition(4)}}.{{random(1)}}")
                .withRandom(new SplittableRandom(1));

        assertThat(transform.transform("orders")).isEqualTo("orders." + Fnv.partition("orders", 4) + ".0");
    }

    @Test
    void transformingASubjectWithTooFewTokensLeavesTheMissingPartsEmpty() {
        // nats-server's TransformSubject does not check the match either; its Wildcard leaves the gap, its other
        // functions would index out of range. Here none of them throws.
        assertThat(SubjectTransform.of("foo.*", "one.two.{{wildcard(1)}}").transform("foo")).isEqualTo("one.two.");
        String everyFunction = "{{SplitFromLeft(1,1)}}.{{SplitFromRight(1,1)}}.{{SliceFromLeft(1,1)}}."
                + "{{SliceFromRight(1,1)}}.{{Split(1,-)}}.{{Left(1,1)}}.{{Right(1,1)}}.$1";
        assertThat(SubjectTransform.of("foo.*", everyFunction).transform("foo")).isEqualTo(".......");
        assertThat(SubjectTransform.of("foo.*", "{{partition(3,1)}}").transform("foo"))
                .isEqualTo(Long.toString(Fnv.partition("", 3)));
        assertThat(SubjectTransform.of("foo.*.>", "x.>").transform("foo")).isEqualTo("x.");
    }

    private static int[] bytes(SubjectView view) {
        int[] bytes = new int[view.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = view.byteAt(i) & 0xFF;
        }
        return bytes;
    }
}
