package io.natrium.domain.transform;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The subject mappings of one account, in nats-server's order: a message is mapped by the first mapping (in the order
 * they were added) whose source matches its subject, literal and wildcard sources alike. Adding a mapping for a
 * source already present replaces it in place; removing one moves the last mapping into its place, as nats-server's
 * {@code RemoveMapping} does.
 *
 * <p>Immutable: a change returns a new instance, so the server swaps the whole set (on reload) and readers never
 * lock. The hot path checks {@link #isEmpty()} first, and then maps with {@link #map(SubjectView, TransformBuffer)},
 * which allocates nothing.
 */
@HotPath
public final class SubjectMappings {

    private static final SubjectMappings NONE = new SubjectMappings(new SubjectMapping[0]);

    private final SubjectMapping[] mappings;

    private SubjectMappings(SubjectMapping[] mappings) {
        this.mappings = mappings;
    }

    public static SubjectMappings none() {
        return NONE;
    }

    /** The mappings added in this order (a later one with the same source replaces the earlier one in place). */
    public static SubjectMappings of(List<SubjectMapping> mappings) {
        SubjectMappings result = NONE;
        for (SubjectMapping mapping : mappings) {
            result = result.with(mapping);
        }
        return result;
    }

    /** These mappings with {@code mapping} added at the end, or in place of the one with the same source. */
    public SubjectMappings with(SubjectMapping mapping) {
        Objects.requireNonNull(mapping);
        int index = indexOf(mapping.source());
        SubjectMapping[] next = Arrays.copyOf(mappings, index < 0 ? mappings.length + 1 : mappings.length);
        next[index < 0 ? mappings.length : index] = mapping;
        return new SubjectMappings(next);
    }

    /** These mappings without the one for {@code source}; the last mapping takes its place in the order. */
    public SubjectMappings without(String source) {
        int index = indexOf(source);
        if (index < 0) {
            return this;
        }
        SubjectMapping[] next = Arrays.copyOf(mappings, mappings.length - 1);
        if (index < next.length) {
            next[index] = mappings[mappings.length - 1];
        }
        return next.length == 0 ? NONE : new SubjectMappings(next);
    }

    public boolean isEmpty() {
        return mappings.length == 0;
    }

    /** The mappings in lookup order. */
    public List<SubjectMapping> mappings() {
        return List.of(mappings);
    }

    /**
     * The hot path: when a mapping's source matches the subject, writes the mapped subject into {@code buffer} (read it
     * from {@link TransformBuffer#subject()}; empty when the drawn share is dropped) and returns true. Returns false,
     * leaving the buffer's result as it was, when no mapping applies.
     */
    public boolean map(SubjectView subject, TransformBuffer buffer) {
        if (mappings.length == 0) {
            return false;
        }
        buffer.tokenize(subject);
        for (SubjectMapping mapping : mappings) {
            if (mapping.matchesTokenized(buffer)) {
                mapping.writeTo(buffer);
                buffer.finish();
                return true;
            }
        }
        return false;
    }

    /**
     * nats-server's {@code selectMappedSubject} on a string: the mapped subject, the subject itself when no mapping
     * applies, or the empty string when the drawn share is dropped. Allocates; for tools and the cold path.
     */
    public String map(String subject) {
        TransformBuffer buffer = TransformBuffer.tokenized(subject);
        for (SubjectMapping mapping : mappings) {
            if (mapping.matchesTokenized(buffer)) {
                mapping.writeTo(buffer);
                return buffer.finish().toString();
            }
        }
        return subject;
    }

    /**
     * The mapping a message on {@code subject} goes through, the first whose source matches, as
     * {@link #map(String)} looks it up; null when none does. Allocates; for tools.
     */
    public SubjectMapping mappingFor(String subject) {
        TransformBuffer buffer = TransformBuffer.tokenized(subject);
        for (SubjectMapping mapping : mappings) {
            if (mapping.matchesTokenized(buffer)) {
                return mapping;
            }
        }
        return null;
    }

    private int indexOf(String source) {
        for (int i = 0; i < mappings.length; i++) {
            if (mappings[i].source().equals(source)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return Arrays.toString(mappings);
    }
}
