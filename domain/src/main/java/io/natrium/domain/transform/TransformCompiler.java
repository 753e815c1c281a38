package io.natrium.domain.transform;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.transform.DestinationParser.Placeholder;
import io.natrium.domain.transform.InvalidMappingException.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a source filter and a destination pattern into a {@link SubjectTransform}, with nats-server's checks in
 * nats-server's order ({@code NewSubjectTransformWithStrict} and {@code ValidateMapping} in
 * {@code server/subject_transform.go} and {@code server/sublist.go}), so that the first error reported for a bad
 * configuration is the same one.
 */
final class TransformCompiler {

    private TransformCompiler() {
    }

    /**
     * {@code NewSubjectTransformWithStrict}. An empty source means {@code >}; an empty destination means no change
     * (nats-server returns no transform at all). Strict transforms, for imports, must stay reversible: only
     * wildcard references, and at least as many references as the source has {@code *} wildcards.
     */
    static SubjectTransform compile(String source, String destination, boolean strict) {
        String effectiveSource = source.isEmpty() ? SubjectFilter.FULL_WILDCARD : source;
        String effectiveDestination = destination.isEmpty()
                ? SubjectTransform.referencingWildcards(effectiveSource) : destination;
        Shape from = Shape.of(effectiveSource);
        Shape to = Shape.of(effectiveDestination);
        if (!from.valid || !to.valid || to.singleWildcards.length > 0 || from.fullWildcard != to.fullWildcard) {
            throw new InvalidMappingException(Reason.INVALID_SUBJECT);
        }
        List<DestinationToken> parts = from.singleWildcards.length > 0 || from.fullWildcard
                ? compileWithWildcards(from, to, effectiveDestination, strict)
                : compileWithoutWildcards(to);
        return new SubjectTransform(effectiveSource, effectiveDestination, SourceFilter.of(effectiveSource),
                parts.toArray(DestinationToken[]::new), to.fullWildcard, from.tokens.length - 1,
                TransformRandom.THREAD_LOCAL);
    }

    /**
     * {@code ValidateMapping}, then the transform: a mapping destination additionally refuses empty tokens, tokens
     * after {@code >}, whitespace outside function calls and unknown functions, before anything else is checked.
     * Unlike nats-server, whose list of functions here forgets {@code Left} and {@code Right}, all ten are accepted.
     */
    static SubjectTransform compileMapping(String source, String destination) {
        boolean afterFullWildcard = false;
        for (String token : Subject.tokens(destination)) {
            if (token.isEmpty() || afterFullWildcard) {
                throw new InvalidMappingException(Reason.INVALID_TRANSFORM, token);
            }
            if (DestinationParser.isBraced(token)) {
                if (!DestinationParser.callsKnownFunction(token)) {
                    throw new InvalidMappingException(Reason.UNKNOWN_FUNCTION, token);
                }
            } else if (token.equals(SubjectFilter.FULL_WILDCARD)) {
                afterFullWildcard = true;
            } else if (hasWhitespace(token)) {
                throw new InvalidMappingException(Reason.INVALID_TRANSFORM);
            }
        }
        return compile(source, destination, false);
    }

    private static List<DestinationToken> compileWithWildcards(Shape from, Shape to, String destination,
                                                               boolean strict) {
        List<DestinationToken> parts = new ArrayList<>(to.tokens.length);
        int references = 0;
        for (String token : to.payloadTokens()) {
            Placeholder placeholder = DestinationParser.parse(token);
            DestinationParser.Kind kind = placeholder.kind();
            if (strict && kind != DestinationParser.Kind.LITERAL && kind != DestinationParser.Kind.WILDCARD) {
                throw new InvalidMappingException(Reason.NOT_SUPPORTED_FOR_IMPORT, token);
            }
            if (kind == DestinationParser.Kind.LITERAL || kind == DestinationParser.Kind.RANDOM) {
                parts.add(fixed(token, placeholder));
                continue;
            }
            long[] wildcards = placeholder.wildcards();
            references += wildcards.length;
            int[] sourceTokens = new int[wildcards.length];
            for (int i = 0; i < wildcards.length; i++) {
                if (wildcards[i] > from.singleWildcards.length) {
                    throw new InvalidMappingException(Reason.INDEX_OUT_OF_RANGE, token + ": [" + wildcards[i] + "]");
                }
                // nats-server looks the number up in a map: 0 and negative numbers find nothing and read token 0.
                sourceTokens[i] = wildcards[i] >= 1 ? from.singleWildcards[(int) wildcards[i] - 1] : 0;
            }
            parts.add(function(placeholder, sourceTokens));
        }
        if (strict && references < from.singleWildcards.length) {
            throw new InvalidMappingException(Reason.NOT_USING_ALL_WILDCARDS, destination);
        }
        return parts;
    }

    /** A literal source has no wildcards to refer to: only literals, Random and a whole-subject Partition. */
    private static List<DestinationToken> compileWithoutWildcards(Shape to) {
        List<DestinationToken> parts = new ArrayList<>(to.tokens.length);
        for (String token : to.tokens) {
            Placeholder placeholder = DestinationParser.parse(token);
            switch (placeholder.kind()) {
                case LITERAL, RANDOM -> parts.add(fixed(token, placeholder));
                case PARTITION -> parts.add(new PartitionFunction(placeholder.number(), new int[0]));
                default -> throw new InvalidMappingException(Reason.INDEX_OUT_OF_RANGE, token);
            }
        }
        return parts;
    }

    private static DestinationToken fixed(String token, Placeholder placeholder) {
        return placeholder.kind() == DestinationParser.Kind.RANDOM
                ? new RandomFunction(placeholder.number())
                : new LiteralToken(token.getBytes(UTF_8));
    }

    private static DestinationToken function(Placeholder placeholder, int[] sourceTokens) {
        int number = placeholder.number();
        return switch (placeholder.kind()) {
            case WILDCARD -> new WildcardFunction(sourceTokens[0]);
            case PARTITION -> new PartitionFunction(number, sourceTokens);
            case SPLIT_FROM_LEFT -> new SplitFromFunction(sourceTokens[0], number, false);
            case SPLIT_FROM_RIGHT -> new SplitFromFunction(sourceTokens[0], number, true);
            case SLICE_FROM_LEFT -> new SliceFunction(sourceTokens[0], number, false);
            case SLICE_FROM_RIGHT -> new SliceFunction(sourceTokens[0], number, true);
            case LEFT -> new LeftRightFunction(sourceTokens[0], number, false);
            case RIGHT -> new LeftRightFunction(sourceTokens[0], number, true);
            case SPLIT -> new SplitFunction(sourceTokens[0], placeholder.delimiter().getBytes(UTF_8));
            case LITERAL, RANDOM -> throw new IllegalStateException("not a wildcard function: " + placeholder);
        };
    }

    private static boolean hasWhitespace(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                return true;
            }
        }
        return false;
    }

    /**
     * nats-server's {@code subjectInfo}: valid when no token is empty and nothing follows {@code >} (whitespace is
     * not checked), with the token positions of the {@code *} wildcards and whether {@code >} ends it.
     */
    private record Shape(boolean valid, String[] tokens, int[] singleWildcards, boolean fullWildcard) {

        static Shape of(String subject) {
            String[] tokens = Subject.tokens(subject);
            List<Integer> singles = new ArrayList<>();
            boolean full = false;
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i].isEmpty() || full) {
                    return new Shape(false, tokens, new int[0], false);
                }
                if (tokens[i].equals(SubjectFilter.SINGLE_WILDCARD)) {
                    singles.add(i);
                } else if (tokens[i].equals(SubjectFilter.FULL_WILDCARD)) {
                    full = true;
                }
            }
            return new Shape(true, tokens, singles.stream().mapToInt(Integer::intValue).toArray(), full);
        }

        /** The destination tokens that produce output: all but a final {@code >}, which copies the rest. */
        List<String> payloadTokens() {
            return List.of(tokens).subList(0, fullWildcard ? tokens.length - 1 : tokens.length);
        }
    }
}
