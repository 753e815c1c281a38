package io.natrium.domain.transform;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.transform.InvalidMappingException.Reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A subject mapping of an account ({@code mappings { "orders.*": [{destination: "v2.orders.$1", weight: 20%}] }}),
 * built and applied as nats-server's {@code AddWeightedMappings} and {@code selectMappedSubject} do
 * ({@code server/accounts.go}).
 *
 * <p>Each message whose subject the source matches goes to one destination, chosen at random by weight. When the
 * weights add up to less than 100 %, the rest goes to the original subject, unless the original subject is itself
 * listed as a destination: then the rest is dropped (the message is mapped to the empty subject, which nothing
 * matches). Destinations for a named cluster are validated (weights count per cluster) but never chosen: Natrium is a
 * single server without a cluster name, which nats-server treats the same way, falling back to the destinations
 * without a cluster.
 *
 * <p>Immutable and thread-safe with the default randomness.
 */
@HotPath
public final class SubjectMapping {

    /** The percentage all the weights of one cluster may add up to. */
    public static final int TOTAL_WEIGHT = 100;

    private final String source;
    private final List<WeightedDestination> destinations;
    private final SourceFilter filter;
    private final SubjectTransform[] choices;
    private final int[] cumulativeWeights;
    private final RandomGenerator random;

    private SubjectMapping(String source, List<WeightedDestination> destinations, SourceFilter filter,
                           SubjectTransform[] choices, int[] cumulativeWeights, RandomGenerator random) {
        this.source = source;
        this.destinations = destinations;
        this.filter = filter;
        this.choices = choices;
        this.cumulativeWeights = cumulativeWeights;
        this.random = random;
    }

    /**
     * A plain mapping, {@code "src": "dest"} (nats-server's {@code AddMapping}: one destination of weight 100).
     *
     * @throws InvalidMappingException as {@link #weighted}
     */
    public static SubjectMapping of(String source, String destination) {
        return weighted(source, List.of(WeightedDestination.of(destination, TOTAL_WEIGHT)));
    }

    /**
     * A weighted mapping. Checked in nats-server's order: the source must be a valid subject; then, destination by
     * destination: no subject twice, each weight at most 100, the weights of each cluster together at most 100, and
     * the destination a valid mapping of the source ({@link SubjectTransform#validateMapping}).
     *
     * @throws InvalidMappingException with nats-server's text for the first problem
     */
    public static SubjectMapping weighted(String source, List<WeightedDestination> destinations) {
        if (!SubjectFilter.isValid(source)) {
            throw new InvalidMappingException(Reason.INVALID_SUBJECT);
        }
        Set<String> seen = new HashSet<>();
        Map<String, Integer> totals = new HashMap<>();
        List<Choice> local = new ArrayList<>();
        for (WeightedDestination destination : destinations) {
            if (!seen.add(destination.subject())) {
                throw new InvalidMappingException(Reason.DUPLICATE_ENTRY, destination.subject());
            }
            // nats-server's weights are unsigned bytes; a negative one is refused with the same words.
            if (destination.weight() < 0 || destination.weight() > TOTAL_WEIGHT) {
                throw new InvalidMappingException(Reason.INDIVIDUAL_WEIGHT_TOO_HIGH);
            }
            if (totals.merge(destination.cluster(), destination.weight(), Integer::sum) > TOTAL_WEIGHT) {
                throw new InvalidMappingException(Reason.TOTAL_WEIGHT_TOO_HIGH);
            }
            SubjectTransform transform = TransformCompiler.compileMapping(source, destination.subject());
            if (destination.cluster().isEmpty()) {
                local.add(new Choice(transform, destination.weight()));
            }
        }
        int localTotal = totals.getOrDefault("", 0);
        // The remainder goes back to the source subject, unless the source is itself listed ("they want loss").
        // nats-server builds that transform for every cluster short of 100, so a source it cannot map to itself
        // fails the whole mapping even when only another cluster needed it.
        if (!seen.contains(source) && (localTotal != TOTAL_WEIGHT || anyShort(totals.values()))) {
            SubjectTransform toSource = SubjectTransform.of(source, SubjectTransform.referencingWildcards(source));
            if (localTotal != TOTAL_WEIGHT) {
                local.add(new Choice(toSource, TOTAL_WEIGHT - localTotal));
            }
        }
        // Stable, like the insertion sort nats-server's sort uses for short lists.
        local.sort(Comparator.comparingInt(Choice::weight));
        SubjectTransform[] choices = new SubjectTransform[local.size()];
        int[] cumulative = new int[local.size()];
        int sum = 0;
        for (int i = 0; i < choices.length; i++) {
            choices[i] = local.get(i).transform();
            sum += local.get(i).weight();
            cumulative[i] = sum;
        }
        return new SubjectMapping(source, List.copyOf(destinations), SourceFilter.of(source), choices, cumulative,
                TransformRandom.THREAD_LOCAL);
    }

    private static boolean anyShort(Iterable<Integer> totals) {
        for (int total : totals) {
            if (total != TOTAL_WEIGHT) {
                return true;
            }
        }
        return false;
    }

    /** This mapping drawing its random choices (and its transforms' {@code Random(n)}) from {@code random}. */
    public SubjectMapping withRandom(RandomGenerator random) {
        Objects.requireNonNull(random);
        SubjectTransform[] seeded = new SubjectTransform[choices.length];
        for (int i = 0; i < choices.length; i++) {
            seeded[i] = choices[i].withRandom(random);
        }
        return new SubjectMapping(source, destinations, filter, seeded, cumulativeWeights, random);
    }

    public String source() {
        return source;
    }

    /** The destinations as configured, clusters included, in their order. */
    public List<WeightedDestination> destinations() {
        return destinations;
    }

    /**
     * True when the source matches {@code subject}, by nats-server's {@code isSubsetMatch}: a wildcard token in the
     * subject only matches the same wildcard.
     */
    public boolean matches(String subject) {
        return filter.matches(TransformBuffer.tokenized(subject));
    }

    /**
     * The subject a message on {@code subject} (which the source {@linkplain #matches matches}) is mapped to this
     * time; the empty string when the drawn share is dropped. Allocates; the server uses
     * {@link SubjectMappings#map(io.natrium.domain.subject.SubjectView, TransformBuffer)}.
     */
    public String map(String subject) {
        TransformBuffer buffer = TransformBuffer.tokenized(subject);
        writeTo(buffer);
        return buffer.finish().toString();
    }

    /**
     * Every subject a message on {@code subject} (which the source {@linkplain #matches matches}) may be mapped to,
     * each with its share, in drawing order: what {@link #map(String)} picks from at random. Destinations of weight
     * zero never happen and are left out; a dropped share is an outcome with the empty subject. A destination using
     * {@code Random(n)} shows one draw of it. Allocates; for tools.
     */
    public List<MappingOutcome> outcomes(String subject) {
        List<MappingOutcome> outcomes = new ArrayList<>(choices.length + 1);
        int previous = 0;
        for (int i = 0; i < choices.length; i++) {
            int weight = cumulativeWeights[i] - previous;
            previous = cumulativeWeights[i];
            if (weight > 0) {
                TransformBuffer buffer = TransformBuffer.tokenized(subject);
                choices[i].writeTo(buffer);
                outcomes.add(new MappingOutcome(buffer.finish().toString(), weight));
            }
        }
        if (previous < TOTAL_WEIGHT) {
            outcomes.add(new MappingOutcome("", TOTAL_WEIGHT - previous));
        }
        return outcomes;
    }

    boolean matchesTokenized(TransformBuffer buffer) {
        return filter.matches(buffer);
    }

    /** Draws a destination and writes the mapped subject of the tokenized subject; writes nothing for a drop. */
    void writeTo(TransformBuffer buffer) {
        SubjectTransform chosen = choose();
        if (chosen == null) {
            buffer.clearOutput();
        } else {
            chosen.writeTo(buffer);
        }
    }

    private SubjectTransform choose() {
        // Like nats-server, a single destination taking everything draws no random number.
        if (choices.length == 1 && cumulativeWeights[0] == TOTAL_WEIGHT) {
            return choices[0];
        }
        int draw = random.nextInt(TOTAL_WEIGHT);
        for (int i = 0; i < choices.length; i++) {
            if (draw < cumulativeWeights[i]) {
                return choices[i];
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return source + " -> " + destinations;
    }

    private record Choice(SubjectTransform transform, int weight) {
    }
}
