package io.natrium.domain.transform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.subject.SubjectView;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** An account's mappings: which one applies, how changes keep the order, and the allocation-free hot path. */
class SubjectMappingsTest {

    private final TransformBuffer buffer = new TransformBuffer();
    private final SubjectView view = new SubjectView();

    @Test
    void noMappingsMapNothing() {
        SubjectMappings none = SubjectMappings.none();

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.map("foo")).isEqualTo("foo");
        assertThat(none.map(wrap("foo"), buffer)).isFalse();
    }

    @Test
    void theFirstMappingAddedThatMatchesWinsLiteralOrNot() {
        SubjectMapping wildcard = SubjectMapping.of("orders.*", "wildcard.$1");
        SubjectMapping literal = SubjectMapping.of("orders.eu", "literal");

        assertThat(SubjectMappings.of(List.of(wildcard, literal)).map("orders.eu")).isEqualTo("wildcard.eu");
        assertThat(SubjectMappings.of(List.of(literal, wildcard)).map("orders.eu")).isEqualTo("literal");
        assertThat(SubjectMappings.of(List.of(literal, wildcard)).map("orders.us")).isEqualTo("wildcard.us");
        assertThat(SubjectMappings.of(List.of(literal, wildcard)).map("payments.eu")).isEqualTo("payments.eu");
    }

    @Test
    void theMappingForASubjectIsTheOneMapWouldUse() {
        SubjectMapping wildcard = SubjectMapping.of("orders.*", "wildcard.$1");
        SubjectMapping literal = SubjectMapping.of("orders.eu", "literal");
        SubjectMappings mappings = SubjectMappings.of(List.of(wildcard, literal));

        assertThat(mappings.mappingFor("orders.eu")).isSameAs(wildcard);
        assertThat(mappings.mappingFor("orders")).isNull();
        assertThat(SubjectMappings.none().mappingFor("orders.eu")).isNull();
    }

    @Test
    void addingTheSameSourceAgainReplacesItInPlace() {
        SubjectMappings mappings = SubjectMappings.none()
                .with(SubjectMapping.of("orders.*", "old.$1"))
                .with(SubjectMapping.of("orders.eu", "literal"))
                .with(SubjectMapping.of("orders.*", "new.$1"));

        assertThat(mappings.mappings()).extracting(SubjectMapping::source).containsExactly("orders.*", "orders.eu");
        assertThat(mappings.map("orders.eu")).isEqualTo("new.eu");
    }

    @Test
    void removingOneMovesTheLastIntoItsPlace() {
        SubjectMappings mappings = SubjectMappings.of(List.of(SubjectMapping.of("a", "x"),
                SubjectMapping.of("b.*", "first.$1"), SubjectMapping.of("b.c", "last")));

        SubjectMappings removed = mappings.without("a");

        assertThat(removed.mappings()).extracting(SubjectMapping::source).containsExactly("b.c", "b.*");
        assertThat(removed.map("b.c")).isEqualTo("last");
        assertThat(mappings.map("b.c")).isEqualTo("first.c");
        assertThat(removed.without("nope")).isSameAs(removed);
        assertThat(removed.without("b.c").without("b.*").isEmpty()).isTrue();
    }

    @Test
    void theHotPathGivesTheSameSubjectsAsTheStringForm() {
        SubjectMappings mappings = SubjectMappings.of(List.of(
                SubjectMapping.of("orders.*.*", "shipped.$2.{{partition(8,1)}}.{{SplitFromLeft(1,1)}}"),
                SubjectMapping.of("logs.>", "archive.>"),
                SubjectMapping.of("ünï.*", "{{right(1,3)}}.日本")));

        for (String subject : List.of("orders.eu.42", "logs.a.b.c", "ünï.日本語", "other.subject")) {
            boolean mapped = mappings.map(wrap(subject), buffer);
            assertThat(mapped).as(subject).isEqualTo(!subject.startsWith("other"));
            if (mapped) {
                assertThat(buffer.subject().toString()).isEqualTo(mappings.map(subject));
            }
        }
    }

    @Test
    void aDroppedShareIsAnEmptySubject() {
        SubjectMappings mappings = SubjectMappings.of(List.of(SubjectMapping.weighted("foo",
                List.of(WeightedDestination.of("foo", 10))).withRandom(new ScriptedRandom(50, 50))));

        assertThat(mappings.map(wrap("foo"), buffer)).isTrue();
        assertThat(buffer.subject().length()).isZero();
        assertThat(mappings.map("foo")).isEmpty();
    }

    @Test
    void theResultCanBeFedBackIntoTheSameBuffer() {
        SubjectMappings mappings = SubjectMappings.of(List.of(SubjectMapping.of("a.*", "b.$1.$1")));
        SubjectTransform importTransform = SubjectTransform.of("b.>", "c.>");

        assertThat(mappings.map(wrap("a.xyz"), buffer)).isTrue();
        assertThat(importTransform.apply(buffer.subject(), buffer)).isTrue();
        assertThat(buffer.subject().toString()).isEqualTo("c.xyz.xyz");
        assertThat(importTransform.apply(buffer.subject(), buffer)).isFalse();
        assertThat(buffer.subject().toString()).isEqualTo("c.xyz.xyz");
    }

    @Test
    void longSubjectsGrowTheBuffer() {
        String subject = "t." + "x.".repeat(100) + "y".repeat(500);
        SubjectMappings mappings = SubjectMappings.of(List.of(SubjectMapping.of("t.>", "u.{{partition(3)}}.>")));

        assertThat(mappings.map(wrap(subject), buffer)).isTrue();
        assertThat(buffer.subject().toString()).isEqualTo(mappings.map(subject));
    }

    @Test
    void mappingAllocatesNothingOnceWarm() {
        SubjectMappings mappings = SubjectMappings.of(List.of(
                SubjectMapping.of("payments.*", "p.$1"),
                SubjectMapping.of("orders.*.*", "shipped.{{wildcard(2)}}.{{partition(16,1,2)}}"),
                SubjectMapping.weighted("events.>", List.of(WeightedDestination.of("v2.>", 30),
                        WeightedDestination.of("{{random(4)}}.>", 30))).withRandom(new SplittableRandom(1))));
        byte[][] subjects = {bytes("orders.eu.42"), bytes("events.a.b"), bytes("unmapped.subject")};
        for (int i = 0; i < 20_000; i++) {
            mappings.map(view.wrap(subjects[i % subjects.length]), buffer);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemoryEnabled()).isTrue();

        int operations = 30_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < operations; i++) {
            mappings.map(view.wrap(subjects[i % subjects.length]), buffer);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // Allowance for the measurement itself; a single allocation per call would be 30,000 x 16 bytes at least.
        assertThat(allocated).as("bytes allocated by %d mappings", operations).isLessThan(4_096);
    }

    private SubjectView wrap(String subject) {
        return view.wrap(bytes(subject));
    }

    private static byte[] bytes(String subject) {
        return subject.getBytes(UTF_8);
    }
}
