package io.natrium.domain.transform;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.subject.SubjectView;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A compiled subject transform: a source filter and a destination pattern, as in nats-server's
 * {@code server/subject_transform.go}. The destination is made of literal tokens, references to the subject tokens the
 * source's {@code *} wildcards matched ({@code {{Wildcard(n)}}} or legacy {@code $n}), mapping functions
 * ({@code Partition}, {@code SplitFromLeft}, {@code SplitFromRight}, {@code SliceFromLeft}, {@code SliceFromRight},
 * {@code Split}, {@code Left}, {@code Right}, {@code Random}), and a final {@code >} when the source ends in one.
 *
 * <p>Immutable and thread-safe (with the default randomness). Building one validates both sides and throws
 * {@link InvalidMappingException} with nats-server's text; transforming never throws. Functions work on the UTF-8
 * bytes of the subject, as nats-server does: a length or position counts bytes.
 */
@HotPath
public final class SubjectTransform {

    private final String source;
    private final String destination;
    private final SourceFilter filter;
    private final DestinationToken[] tokens;
    private final boolean copiesRest;
    private final int restFrom;
    private final RandomGenerator random;

    SubjectTransform(String source, String destination, SourceFilter filter, DestinationToken[] tokens,
                     boolean copiesRest, int restFrom, RandomGenerator random) {
        this.source = source;
        this.destination = destination;
        this.filter = filter;
        this.tokens = tokens;
        this.copiesRest = copiesRest;
        this.restFrom = restFrom;
        this.random = random;
    }

    /**
     * nats-server's {@code NewSubjectTransform}, used for subject mappings and stream transforms: any function. An
     * empty source means {@code >}; an empty destination means every subject maps to itself.
     *
     * @throws InvalidMappingException when either side is invalid or the destination cannot be built from the source
     */
    public static SubjectTransform of(String source, String destination) {
        return TransformCompiler.compile(Objects.requireNonNull(source), Objects.requireNonNull(destination), false);
    }

    /**
     * nats-server's {@code NewSubjectTransformStrict}, used for import transforms, which must be reversible: only
     * wildcard references ({@code $n}, {@code {{Wildcard(n)}}}) and at least as many of them as the source has
     * {@code *} wildcards.
     *
     * @throws InvalidMappingException as {@link #of}, and for any other function or too few references
     */
    public static SubjectTransform strict(String source, String destination) {
        return TransformCompiler.compile(Objects.requireNonNull(source), Objects.requireNonNull(destination), true);
    }

    /**
     * nats-server's {@code ValidateMapping}: the checks a configured mapping destination passes, which are stricter
     * than {@link #of}'s (no empty token, no whitespace, no unknown function, checked before anything else). An empty
     * destination is refused here, where nats-server accepts it and then fails on the first message mapped.
     *
     * @throws InvalidMappingException with the first problem found
     */
    public static void validateMapping(String source, String destination) {
        TransformCompiler.compileMapping(Objects.requireNonNull(source), Objects.requireNonNull(destination));
    }

    /**
     * The destination that maps a filter's subjects to themselves, nats-server's {@code transformTokenize}: each
     * {@code *} becomes a reference to itself ({@code foo.*.*} gives {@code foo.$1.$2}), a final {@code >} stays.
     */
    public static String referencingWildcards(String filter) {
        String[] parts = Subject.tokens(filter);
        int wildcard = 1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals(SubjectFilter.SINGLE_WILDCARD)) {
                parts[i] = "$" + wildcard++;
            }
        }
        return String.join(".", parts);
    }

    /**
     * The filter a destination's subjects fall under when it only references wildcards, nats-server's
     * {@code transformUntokenize}: each reference becomes {@code *} ({@code foo.$2.{{wildcard(1)}}} gives
     * {@code foo.*.*}).
     */
    public static String filterOf(String destination) {
        String[] parts = Subject.tokens(destination);
        for (int i = 0; i < parts.length; i++) {
            if (DestinationParser.isWildcardReference(parts[i])) {
                parts[i] = SubjectFilter.SINGLE_WILDCARD;
            }
        }
        return String.join(".", parts);
    }

    /**
     * The transform that undoes this one, for imports (nats-server's {@code reverse}): its source is {@link #filterOf}
     * this destination, and its destination is the source with the destination's references put, in their order, in
     * place of its {@code *} wildcards. That is nats-server's algorithm, kept because imports compose it: it undoes
     * references that keep the wildcards in order or swap them in pairs, but not, say, a rotation of three.
     *
     * @throws InvalidMappingException when this transform cannot be reversed (nats-server then has no reverse)
     */
    public SubjectTransform reverse() {
        List<String> references = new ArrayList<>();
        for (String token : Subject.tokens(destination)) {
            if (DestinationParser.isWildcardReference(token)) {
                references.add(token);
            }
        }
        String[] parts = Subject.tokens(source);
        int next = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals(SubjectFilter.SINGLE_WILDCARD)) {
                if (next == references.size()) {
                    throw new InvalidMappingException(InvalidMappingException.Reason.NOT_USING_ALL_WILDCARDS,
                            destination);
                }
                parts[i] = references.get(next++);
            }
        }
        return strict(filterOf(destination), String.join(".", parts)).withRandom(random);
    }

    /** This transform drawing its random numbers ({@code Random(n)}) from {@code random}, e.g. seeded in tests. */
    public SubjectTransform withRandom(RandomGenerator random) {
        return new SubjectTransform(source, destination, filter, tokens, copiesRest, restFrom,
                Objects.requireNonNull(random));
    }

    /** The source filter; {@code >} when it was given empty. */
    public String source() {
        return source;
    }

    /** The destination pattern; the self-referencing one when it was given empty. */
    public String destination() {
        return destination;
    }

    /**
     * True when {@code subject} is a valid literal subject that the source matches, the condition of nats-server's
     * {@code Match}.
     */
    public boolean matches(String subject) {
        if (!Subject.isValidLiteral(subject)) {
            return false;
        }
        return filter.matches(TransformBuffer.tokenized(subject));
    }

    /**
     * The transformed subject, for a subject this transform {@linkplain #matches matches} (nats-server's
     * {@code TransformSubject}, which does not check). Allocates; bytes that a byte-counting function cut out of a
     * multi-byte character stay bytes, as {@code Utf8.decodeKeepingBytes} keeps them (as in
     * {@link #apply(SubjectView, TransformBuffer)}).
     */
    public String transform(String subject) {
        TransformBuffer buffer = TransformBuffer.tokenized(subject);
        writeTo(buffer);
        return buffer.finish().toString();
    }

    /**
     * The hot-path form: when the subject is a valid literal subject that the source matches, writes the new subject
     * into {@code buffer} (read it from {@link TransformBuffer#subject()}) and returns true; otherwise returns false.
     * Allocates nothing once the buffer has grown to fit.
     */
    public boolean apply(SubjectView subject, TransformBuffer buffer) {
        if (!subject.isValidLiteral()) {
            return false;
        }
        buffer.tokenize(subject);
        if (!filter.matches(buffer)) {
            return false;
        }
        writeTo(buffer);
        buffer.finish();
        return true;
    }

    /**
     * Writes the transform of a subject the caller already matched against the source into {@code buffer}, without
     * checking it, as nats-server's {@code TransformSubject} does for imported streams: a published subject with
     * wildcard tokens passes through them as literal text. Allocates nothing once the buffer has grown to fit.
     */
    public void applyMatched(SubjectView subject, TransformBuffer buffer) {
        buffer.tokenize(subject);
        writeTo(buffer);
        buffer.finish();
    }

    /** True when the source matches the subject already tokenized in {@code buffer} (no literal check). */
    boolean matchesTokenized(TransformBuffer buffer) {
        return filter.matches(buffer);
    }

    /** Writes the transform of the subject tokenized in {@code buffer} into it, nats-server's way. */
    void writeTo(TransformBuffer buffer) {
        buffer.clearOutput();
        int last = tokens.length - 1;
        for (int i = 0; i <= last; i++) {
            tokens[i].write(buffer, random);
            // A dot after every destination token but the last; a final '>' counts as a token here.
            if (i < last || copiesRest) {
                buffer.writeSeparator();
            }
        }
        int count = buffer.tokenCount();
        if (copiesRest && restFrom < count) {
            buffer.write(buffer.input(), buffer.tokenStart(restFrom), buffer.tokenEnd(count - 1));
        }
    }

    @Override
    public String toString() {
        return source + " -> " + destination;
    }
}
