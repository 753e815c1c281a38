package io.natrium.domain.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weighted mappings: which destination a draw picks, the remainder, drops, clusters, and the errors. */
class SubjectMappingTest {

    private static final String PREFIX = "invalid mapping destination: ";

    @Test
    void aPlainMappingAlwaysMapsAndDrawsNothing() {
        SubjectMapping mapping = SubjectMapping.of("orders.*.*", "shipped.$2.$1").withRandom(new ScriptedRandom());

        assertThat(mapping.matches("orders.eu.42")).isTrue();
        assertThat(mapping.map("orders.eu.42")).isEqualTo("shipped.42.eu");
        assertThat(mapping.destinations()).containsExactly(WeightedDestination.of("shipped.$2.$1", 100));
    }

    @ParameterizedTest(name = "draw {0} -> {1}")
    @CsvSource({
        "0, bar", "19, bar", "20, baz", "49, baz", "50, foo", "99, foo",
    })
    void destinationsAreOrderedByWeightAndTheRemainderGoesToTheSource(int draw, String expected) {
        // bar 20 % and baz 30 %, so the source keeps 50 %: ranges [0,20) bar, [20,50) baz, [50,100) foo.
        SubjectMapping mapping = SubjectMapping.weighted("foo",
                List.of(WeightedDestination.of("baz", 30), WeightedDestination.of("bar", 20)))
                .withRandom(new ScriptedRandom(draw));

        assertThat(mapping.map("foo")).isEqualTo(expected);
    }

    @Test
    void equalWeightsKeepTheirConfiguredOrder() {
        List<WeightedDestination> halves = List.of(WeightedDestination.of("first", 50),
                WeightedDestination.of("second", 50));

        assertThat(SubjectMapping.weighted("foo", halves).withRandom(new ScriptedRandom(49)).map("foo"))
                .isEqualTo("first");
        assertThat(SubjectMapping.weighted("foo", halves).withRandom(new ScriptedRandom(50)).map("foo"))
                .isEqualTo("second");
    }

    @Test
    void theRemainderOfAWildcardSourceKeepsTheSubject() {
        SubjectMapping mapping = SubjectMapping.weighted("orders.*.>",
                List.of(WeightedDestination.of("v2.$1.>", 10))).withRandom(new ScriptedRandom(5, 10, 99));

        assertThat(mapping.map("orders.eu.a.b")).isEqualTo("v2.eu.a.b");
        assertThat(mapping.map("orders.eu.a.b")).isEqualTo("orders.eu.a.b");
        assertThat(mapping.map("orders.eu.a.b")).isEqualTo("orders.eu.a.b");
    }

    @Test
    void listingTheSourceItselfMeansTheRestIsDropped() {
        SubjectMapping mapping = SubjectMapping.weighted("foo",
                List.of(WeightedDestination.of("foo", 30), WeightedDestination.of("bar", 30)))
                .withRandom(new ScriptedRandom(29, 59, 60, 99));

        assertThat(mapping.map("foo")).isEqualTo("foo");
        assertThat(mapping.map("foo")).isEqualTo("bar");
        assertThat(mapping.map("foo")).isEmpty();
        assertThat(mapping.map("foo")).isEmpty();
    }

    @Test
    void clusterDestinationsAreCheckedButNeverChosenOnAServerWithoutACluster() {
        SubjectMapping onlyForACluster = SubjectMapping.weighted("foo",
                List.of(new WeightedDestination("east", 100, "east"))).withRandom(new ScriptedRandom());
        assertThat(onlyForACluster.map("foo")).isEqualTo("foo");

        SubjectMapping mixed = SubjectMapping.weighted("foo", List.of(WeightedDestination.of("bar", 40),
                new WeightedDestination("east", 60, "east"))).withRandom(new ScriptedRandom(39, 40));
        assertThat(mixed.map("foo")).isEqualTo("bar");
        assertThat(mixed.map("foo")).isEqualTo("foo");
    }

    @Test
    void theSourceListedForAnotherClusterStillTurnsTheRemainderIntoADrop() {
        // nats-server looks for the source among all destinations, whatever their cluster.
        SubjectMapping mapping = SubjectMapping.weighted("foo", List.of(WeightedDestination.of("bar", 50),
                new WeightedDestination("foo", 50, "east"))).withRandom(new ScriptedRandom(49, 50));

        assertThat(mapping.map("foo")).isEqualTo("bar");
        assertThat(mapping.map("foo")).isEmpty();
    }

    @Test
    void zeroWeightDestinationsAreNeverChosen() {
        SubjectMapping mapping = SubjectMapping.weighted("foo", List.of(WeightedDestination.of("never", 0)))
                .withRandom(new ScriptedRandom(0, 99));

        assertThat(mapping.map("foo")).isEqualTo("foo");
        assertThat(mapping.map("foo")).isEqualTo("foo");
    }

    @Test
    void aSeededDrawFollowsTheWeights() {
        SubjectMapping mapping = SubjectMapping.weighted("orders.*", List.of(
                WeightedDestination.of("a.$1", 10), WeightedDestination.of("b.$1", 25),
                WeightedDestination.of("c.$1", 40))).withRandom(new SplittableRandom(42));
        Map<String, Integer> counts = new HashMap<>();
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(mapping.map("orders.x"), 1, Integer::sum);
        }

        assertThat(counts).containsOnlyKeys("a.x", "b.x", "c.x", "orders.x");
        assertThat(counts.get("a.x") / (double) draws).isCloseTo(0.10, within(0.01));
        assertThat(counts.get("b.x") / (double) draws).isCloseTo(0.25, within(0.01));
        assertThat(counts.get("c.x") / (double) draws).isCloseTo(0.40, within(0.01));
        assertThat(counts.get("orders.x") / (double) draws).isCloseTo(0.25, within(0.01));
    }

    @Test
    void theSameSeedGivesTheSameSequence() {
        List<WeightedDestination> destinations = List.of(WeightedDestination.of("a.{{random(100)}}", 50),
                WeightedDestination.of("b", 50));
        SubjectMapping first = SubjectMapping.weighted("foo", destinations).withRandom(new SplittableRandom(3));
        SubjectMapping second = SubjectMapping.weighted("foo", destinations).withRandom(new SplittableRandom(3));

        for (int i = 0; i < 100; i++) {
            assertThat(first.map("foo")).isEqualTo(second.map("foo"));
        }
    }

    @Test
    void outcomesListEveryShareInDrawingOrderWithTheRemainderToTheSource() {
        SubjectMapping mapping = SubjectMapping.weighted("orders.*", List.of(WeightedDestination.of("v2.$1", 30),
                WeightedDestination.of("v1.$1", 20), WeightedDestination.of("never", 0)));

        assertThat(mapping.outcomes("orders.eu")).containsExactly(new MappingOutcome("v1.eu", 20),
                new MappingOutcome("v2.eu", 30), new MappingOutcome("orders.eu", 50));
    }

    @Test
    void outcomesOfAPlainMappingAreOneSubjectTakingEverything() {
        assertThat(SubjectMapping.of("a.*.*", "b.$2.$1").outcomes("a.x.y"))
                .containsExactly(new MappingOutcome("b.y.x", 100));
    }

    @Test
    void theDroppedShareIsAnOutcomeWithTheEmptySubject() {
        List<MappingOutcome> outcomes = SubjectMapping.weighted("foo",
                List.of(WeightedDestination.of("foo", 30), WeightedDestination.of("bar", 30))).outcomes("foo");

        assertThat(outcomes).containsExactly(new MappingOutcome("foo", 30), new MappingOutcome("bar", 30),
                new MappingOutcome("", 40));
        assertThat(outcomes.get(2).dropped()).isTrue();
        assertThat(outcomes.get(0).dropped()).isFalse();
    }

    @Test
    void matchesWithNatsServersSubsetRule() {
        SubjectMapping mapping = SubjectMapping.of("foo.*", "bar.$1");

        assertThat(mapping.matches("foo.x")).isTrue();
        // A non-pedantic client may publish a wildcard subject: only the same wildcard matches it.
        assertThat(mapping.matches("foo.*")).isTrue();
        assertThat(mapping.map("foo.*")).isEqualTo("bar.*");
        assertThat(mapping.matches("foo.>")).isFalse();
        assertThat(SubjectMapping.of("foo.x", "bar").matches("foo.*")).isFalse();
        assertThat(SubjectMapping.of("foo.>", "bar.>").matches("foo.x.>")).isTrue();
        assertThat(mapping.matches("foo")).isFalse();
        assertThat(mapping.matches("foo..")).isFalse();
    }

    @Test
    void refusesWithNatsServersTexts() {
        assertError("foo..bar", List.of(WeightedDestination.of("bar", 100)), "invalid subject");
        assertError("foo bar", List.of(WeightedDestination.of("bar", 100)), "invalid subject");
        assertError("", List.of(WeightedDestination.of("bar", 100)), "invalid subject");
        assertError("foo", List.of(WeightedDestination.of("bar", 50), WeightedDestination.of("bar", 50)),
                "duplicate entry for \"bar\"");
        assertError("foo", List.of(WeightedDestination.of("a\"b", 10), WeightedDestination.of("a\"b", 10)),
                "duplicate entry for \"a\\\"b\"");
        assertError("foo", List.of(WeightedDestination.of("bar", 101)), "individual weights need to be <= 100");
        assertError("foo", List.of(WeightedDestination.of("bar", -1)), "individual weights need to be <= 100");
        assertError("foo", List.of(WeightedDestination.of("bar", 60), WeightedDestination.of("baz", 50)),
                "total weight needs to be <= 100");
        assertError("foo", List.of(new WeightedDestination("bar", 60, "east"),
                WeightedDestination.of("baz", 50), new WeightedDestination("qux", 50, "east")),
                "total weight needs to be <= 100");
        assertError("foo.*", List.of(WeightedDestination.of("bar.$2", 100)),
                PREFIX + "wildcard index out of range in $2: [2]");
        assertError("foo.*", List.of(WeightedDestination.of("bar.{{nope()}}", 100)),
                PREFIX + "unknown function in {{nope()}}");
        assertError("foo", List.of(WeightedDestination.of("", 100)), PREFIX + "invalid transform");
    }

    @Test
    void checksComeInNatsServersOrder() {
        // The duplicate is found before its weight, and the first bad destination wins over later ones.
        assertError("foo", List.of(WeightedDestination.of("bar", 50), WeightedDestination.of("bar", 101)),
                "duplicate entry for \"bar\"");
        assertError("foo.*", List.of(WeightedDestination.of("bar.$9", 10), WeightedDestination.of("baz", 101)),
                PREFIX + "wildcard index out of range in $9: [9]");
    }

    @Test
    void weightsOfDifferentClustersAddUpSeparately() {
        SubjectMapping mapping = SubjectMapping.weighted("foo", List.of(WeightedDestination.of("bar", 100),
                new WeightedDestination("east", 100, "east"), new WeightedDestination("west", 100, "west")));

        assertThat(mapping.destinations()).hasSize(3);
        assertThat(mapping.map("foo")).isEqualTo("bar");
    }

    @Test
    void aSourceThatCannotMapToItselfFailsWhenARemainderIsNeeded() {
        // The remainder maps "$2.*" to "$2.$1", where "$2" reads as a reference: nats-server refuses it too.
        assertError("$2.*", List.of(WeightedDestination.of("x.$1", 50)),
                PREFIX + "wildcard index out of range in $2: [2]");
        assertError("$2.*", List.of(WeightedDestination.of("x.$1", 100), new WeightedDestination("y", 10, "east")),
                PREFIX + "wildcard index out of range in $2: [2]");
        assertThat(SubjectMapping.weighted("$2.*", List.of(WeightedDestination.of("x.$1", 100))).map("$2.a"))
                .isEqualTo("x.a");
    }

    private static void assertError(String source, List<WeightedDestination> destinations, String message) {
        InvalidMappingException error = catchThrowableOfType(() -> SubjectMapping.weighted(source, destinations),
                InvalidMappingException.class);
        assertThat(error).as("%s -> %s", source, destinations).hasMessage(message);
    }
}
