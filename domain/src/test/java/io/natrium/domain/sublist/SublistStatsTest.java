package io.natrium.domain.sublist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Adding up the sublists of several accounts, as /subsz does without an account filter. */
class SublistStatsTest {

    @Test
    void countsAddAndRatesAreRecomputedFromTheSums() {
        // 3 cached results with fan-outs 1, 2, 3 (average 2); 4 matches, 1 hit.
        SublistStats first = new SublistStats(5, 3, 6, 1, 4, 1, 0.25, 3, 2.0);
        // 1 cached result with fan-out 6; 4 matches, 3 hits.
        SublistStats second = new SublistStats(2, 1, 2, 0, 4, 3, 0.75, 6, 6.0);

        SublistStats sum = first.plus(second);

        assertThat(sum).isEqualTo(new SublistStats(7, 4, 8, 1, 8, 4, 0.5, 6, 3.0));
    }

    @Test
    void theEmptyStatisticsAddNothing() {
        SublistStats some = new SublistStats(5, 3, 6, 1, 4, 1, 0.25, 3, 2.0);

        assertThat(SublistStats.EMPTY.plus(some)).isEqualTo(some);
        assertThat(SublistStats.EMPTY.plus(SublistStats.EMPTY)).isEqualTo(SublistStats.EMPTY);
    }

    @Test
    void aThirdOfAFanOutIsRecoveredExactly() {
        // Fan-outs 1, 1, 2: the average 4/3 is not exact in binary, the total 4 is.
        SublistStats thirds = new SublistStats(3, 3, 3, 0, 3, 0, 0, 2, 4.0 / 3);

        assertThat(thirds.plus(thirds).avgFanout()).isEqualTo(4.0 / 3);
    }
}
