package io.natrium.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.transform.SubjectMapping;
import io.natrium.domain.transform.SubjectMappings;
import io.natrium.domain.transform.TransformBuffer;
import io.natrium.domain.transform.WeightedDestination;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Subject mapping as the publish path applies it: an account's {@link SubjectMappings} over the wire bytes of a
 * subject ({@link SubjectView}), writing into a per-connection {@link TransformBuffer}. Cases: a wildcard reordering,
 * a partition, a weighted choice among three destinations (two weighted, the rest to the subject itself), and a
 * subject no mapping applies to. The account has seven mappings, tried in order, so each case first passes over the
 * four to seven that do not match it. Run with {@code -prof gc} for B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SubjectMappingBenchmark {

    private SubjectMappings mappings;
    private final TransformBuffer buffer = new TransformBuffer();
    private final SubjectView view = new SubjectView();
    private final byte[] wildcardSubject = "orders.eu.created.42".getBytes(UTF_8);
    private final byte[] partitionSubject = "sensors.building-7.floor-3.temperature".getBytes(UTF_8);
    private final byte[] weightedSubject = "events.checkout.v1".getBytes(UTF_8);
    private final byte[] unmappedSubject = "inventory.eu.updated".getBytes(UTF_8);

    @Setup
    public void setUp() {
        mappings = SubjectMappings.of(List.of(
                SubjectMapping.of("payments.*", "billing.$1"),
                SubjectMapping.of("audit.>", "archive.audit.>"),
                SubjectMapping.of("legacy.orders", "orders.legacy"),
                SubjectMapping.of("metrics.*.*", "m.{{wildcard(2)}}.{{wildcard(1)}}"),
                SubjectMapping.of("orders.*.*.*", "shipping.$3.$1.{{wildcard(2)}}"),
                SubjectMapping.of("sensors.*.*.*", "sensors.{{partition(16,1,2)}}.$3"),
                SubjectMapping.weighted("events.>", List.of(WeightedDestination.of("events.canary.>", 10),
                        WeightedDestination.of("events.v2.>", 40)))));
    }

    @Benchmark
    public SubjectView wildcardReorder() {
        mappings.map(view.wrap(wildcardSubject), buffer);
        return buffer.subject();
    }

    @Benchmark
    public SubjectView partition() {
        mappings.map(view.wrap(partitionSubject), buffer);
        return buffer.subject();
    }

    @Benchmark
    public SubjectView weighted() {
        mappings.map(view.wrap(weightedSubject), buffer);
        return buffer.subject();
    }

    @Benchmark
    public boolean noMappingApplies() {
        return mappings.map(view.wrap(unmappedSubject), buffer);
    }
}
