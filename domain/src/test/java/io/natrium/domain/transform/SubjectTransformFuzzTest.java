package io.natrium.domain.transform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.subject.SubjectView;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Properties of transforms on generated input. The normal test run replays the seeds under
 * {@code src/test/resources/io/natrium/domain/transform/SubjectTransformFuzzTestInputs}; to fuzz one property for a
 * bounded time: {@code JAZZER_FUZZ=1 ./mvnw -pl domain test -Dtest=SubjectTransformFuzzTest#<method>
 * -Djazzer.max_duration=60s}.
 */
class SubjectTransformFuzzTest {

    /** Literal tokens, some of them several bytes long in UTF-8, none a wildcard. */
    private static final String[] LITERALS = {"a", "b", "orders", "é", "日本", "😀", "x1", "$x", "*a", "a>"};

    /**
     * (a) A destination made only of literals and wildcard references, applied to a subject the source matches,
     * gives a subject matched by the destination with every reference replaced by {@code *}; when each wildcard is
     * referenced exactly once and the references swap wildcards at most in pairs, the reverse transform gives the
     * subject back (nats-server's reverse puts the references back in the same order, which undoes only such
     * permutations).
     */
    @FuzzTest
    void wildcardOnlyDestinationsProduceSubjectsOfTheirShape(FuzzedDataProvider data) {
        List<String> source = new ArrayList<>();
        int wildcards = 0;
        for (int i = data.consumeInt(1, 5); i > 0; i--) {
            boolean wildcard = data.consumeBoolean();
            source.add(wildcard ? "*" : pick(data));
            wildcards += wildcard ? 1 : 0;
        }
        boolean rest = data.consumeBoolean();
        if (rest) {
            source.add(">");
        }
        List<String> destination = new ArrayList<>();
        List<String> shape = new ArrayList<>();
        List<Integer> references = new ArrayList<>();
        for (int i = data.consumeInt(1, 5); i > 0; i--) {
            if (wildcards > 0 && data.consumeBoolean()) {
                int wildcard = data.consumeInt(1, wildcards);
                references.add(wildcard);
                destination.add(reference(wildcard, data.consumeInt(0, 2)));
                shape.add("*");
            } else {
                String literal = pick(data);
                destination.add(literal);
                shape.add(literal);
            }
        }
        if (rest) {
            destination.add(">");
            shape.add(">");
        }
        String subject = subjectMatching(source, data);

        SubjectTransform transform = SubjectTransform.of(String.join(".", source), String.join(".", destination));
        String result = transform.transform(subject);

        assertThat(transform.matches(subject)).isTrue();
        assertThat(Subject.isValidPublish(result)).as(result).isTrue();
        assertThat(SubjectFilter.matches(String.join(".", shape), result)).as("%s -> %s", transform, result).isTrue();
        TransformBuffer buffer = new TransformBuffer();
        assertThat(transform.apply(new SubjectView().wrap(subject.getBytes(UTF_8)), buffer)).isTrue();
        assertThat(buffer.subject().equals(result)).isTrue();
        if (isInvolution(references, wildcards)) {
            SubjectTransform strict = SubjectTransform.strict(transform.source(), transform.destination());
            SubjectTransform reverse = strict.reverse();
            assertThat(reverse.transform(result)).as("%s reversed to %s", strict, reverse).isEqualTo(subject);
        }
    }

    /** (b) A partition is in [0, n), the same for the same tokens, and the FNV-1a of their UTF-8 bytes modulo n. */
    @FuzzTest
    void partitionIsInRangeAndStable(FuzzedDataProvider data) {
        int partitions = data.consumeBoolean() ? data.consumeInt(1, 16) : data.consumeInt(1, Integer.MAX_VALUE);
        int tokens = data.consumeInt(1, 4);
        List<String> named = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
            indexes.add(data.consumeInt(1, tokens));
        }
        List<String> subjectTokens = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            String token = literalToken(data.consumeString(8));
            subjectTokens.add(token);
        }
        for (int index : indexes) {
            named.add(subjectTokens.get(index - 1));
        }
        String subject = String.join(".", subjectTokens);
        String source = String.join(".", java.util.Collections.nCopies(tokens, "*"));
        StringBuilder destination = new StringBuilder("{{partition(").append(partitions);
        indexes.forEach(index -> destination.append(", ").append(index));
        destination.append(")}}");

        String first = SubjectTransform.of(source, destination.toString()).transform(subject);
        String second = SubjectTransform.of(source, destination.toString()).transform(subject);

        long partition = Long.parseLong(first);
        assertThat(partition).isBetween(0L, partitions - 1L);
        assertThat(second).isEqualTo(first);
        assertThat(partition).isEqualTo(Fnv.partition(indexes.isEmpty() ? subject : String.join("", named),
                partitions));
    }

    /**
     * (c) Whatever the source, destination, strictness, weights and subject, building either succeeds or throws
     * {@link InvalidMappingException}, and a built transform or mapping never throws, on strings or raw bytes.
     */
    @FuzzTest
    void nothingButTheValidationErrorIsEverThrown(FuzzedDataProvider data) {
        String source = data.consumeString(24);
        String destination = data.consumeBoolean() ? data.consumeString(48) : functionCall(data);
        SubjectTransform transform = build(() -> data.consumeBoolean()
                ? SubjectTransform.strict(source, destination) : SubjectTransform.of(source, destination));
        build(() -> {
            SubjectTransform.validateMapping(source, destination);
            return null;
        });
        List<WeightedDestination> destinations = new ArrayList<>();
        destinations.add(new WeightedDestination(destination, data.consumeInt(-1, 101), data.consumeString(2)));
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            destinations.add(new WeightedDestination(data.consumeString(16), data.consumeInt(-1, 101),
                    data.consumeString(2)));
        }
        SubjectMapping mapping = build(() -> SubjectMapping.weighted(source, destinations));
        String subject = data.consumeString(32);
        byte[] raw = data.consumeBytes(32);
        TransformBuffer buffer = new TransformBuffer();
        SubjectView view = new SubjectView();
        if (transform != null) {
            SubjectTransform seeded = transform.withRandom(new SplittableRandom(1));
            seeded.matches(subject);
            String result = seeded.transform(subject);
            if (seeded.apply(view.wrap(subject.getBytes(UTF_8)), buffer)) {
                assertThat(transform.withRandom(new SplittableRandom(1)).transform(subject)).isEqualTo(result);
            }
            seeded.apply(view.wrap(raw), buffer);
            build(transform::reverse);
        }
        if (mapping != null) {
            SubjectMappings mappings = SubjectMappings.of(List.of(mapping.withRandom(new SplittableRandom(2))));
            mappings.map(subject);
            mapping.matches(subject);
            mappings.map(view.wrap(raw), buffer);
            mappings.map(buffer.subject(), buffer);
        }
    }

    private interface Build<T> {
        T build();
    }

    private static <T> T build(Build<T> build) {
        try {
            return build.build();
        } catch (InvalidMappingException expected) {
            assertThat(expected.getMessage()).isNotEmpty();
            return null;
        }
    }

    /** A call of a random function with random arguments, to reach past the parser's first checks more often. */
    private static String functionCall(FuzzedDataProvider data) {
        String[] names = {"wildcard", "Partition", "splitFromLeft", "SplitFromRight", "sliceFromLeft",
            "SliceFromRight", "split", "Left", "right", "random", "WILDCARD", "nope"};
        StringBuilder call = new StringBuilder(data.consumeBoolean() ? "x." : "").append("{{")
                .append(names[data.consumeInt(0, names.length - 1)]).append('(');
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
            call.append(data.consumeBoolean() ? Integer.toString(data.consumeInt(-3, 5)) : data.consumeString(3));
            if (i > 1) {
                call.append(data.consumeBoolean() ? ", " : ",");
            }
        }
        return call.append(")}}").append(data.consumeBoolean() ? ".>" : "").toString();
    }

    private static String pick(FuzzedDataProvider data) {
        return LITERALS[data.consumeInt(0, LITERALS.length - 1)];
    }

    private static String reference(int wildcard, int style) {
        return switch (style) {
            case 0 -> "$" + wildcard;
            case 1 -> "{{wildcard(" + wildcard + ")}}";
            default -> "{{ Wildcard( " + wildcard + " ) }}";
        };
    }

    private static String subjectMatching(List<String> source, FuzzedDataProvider data) {
        List<String> subject = new ArrayList<>();
        for (String token : source) {
            if (token.equals(">")) {
                for (int i = data.consumeInt(1, 3); i > 0; i--) {
                    subject.add(pick(data));
                }
            } else {
                subject.add(token.equals("*") ? pick(data) : token);
            }
        }
        return String.join(".", subject);
    }

    /** A non-empty literal token made from arbitrary text: no dots, no whitespace, not a wildcard. */
    private static String literalToken(String text) {
        String token = text.replaceAll("[.\\s]", "_");
        return token.isEmpty() || token.equals("*") || token.equals(">") ? "t" + token : token;
    }

    /** True when the references, in order, are a permutation of 1..n that is its own inverse. */
    private static boolean isInvolution(List<Integer> references, int wildcards) {
        if (references.size() != wildcards || references.stream().distinct().count() != wildcards) {
            return false;
        }
        for (int k = 1; k <= wildcards; k++) {
            if (references.get(references.get(k - 1) - 1) != k) {
                return false;
            }
        }
        return true;
    }
}
