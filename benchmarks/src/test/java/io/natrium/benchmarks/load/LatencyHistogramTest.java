package io.natrium.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    private static final double[] FRACTIONS = {0.001, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999, 1.0};
    private static final double PRECISION = 1.0 / (1 << LatencyHistogram.SUB_BUCKET_BITS);

    @Test
    void smallValuesAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long value = 0; value < 128; value++) {
            histogram.record(value);
        }
        assertThat(histogram.percentile(0.5)).isEqualTo(63);
        assertThat(histogram.percentile(1.0)).isEqualTo(127);
        assertThat(histogram.percentile(1.0 / 128)).isEqualTo(0);
        assertThat(histogram.min()).isZero();
        assertThat(histogram.max()).isEqualTo(127);
        assertThat(histogram.mean()).isEqualTo(63.5);
    }

    @Test
    void percentilesAreNeverBelowTheTrueValueAndAtMostOneBucketAbove() {
        SplittableRandom random = new SplittableRandom(17);
        for (int distribution = 0; distribution < 4; distribution++) {
            LatencyHistogram histogram = new LatencyHistogram();
            long[] values = new long[20_000 + random.nextInt(5_000)];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (distribution) {
                    case 0 -> random.nextLong(1_000_000);                       // uniform up to 1 ms
                    case 1 -> (long) Math.exp(random.nextDouble() * 30);        // log-uniform up to ~10^13
                    case 2 -> 50_000 + (long) (Math.abs(random.nextGaussian()) * 5_000); // a latency-like bump
                    default -> random.nextInt(10) == 0 ? random.nextLong(Long.MAX_VALUE) : random.nextInt(300);
                };
                histogram.record(values[i]);
            }
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            for (double fraction : FRACTIONS) {
                long exact = sorted[(int) Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
                long reported = histogram.percentile(fraction);
                assertThat(reported).as("p%s of distribution %d", fraction * 100, distribution)
                        .isGreaterThanOrEqualTo(exact);
                assertThat(reported - exact).as("p%s of distribution %d above the true value", fraction * 100,
                        distribution).isLessThanOrEqualTo((long) Math.floor(exact * PRECISION));
            }
            assertThat(histogram.count()).isEqualTo(values.length);
            assertThat(histogram.max()).isEqualTo(sorted[sorted.length - 1]);
            assertThat(histogram.min()).isEqualTo(sorted[0]);
            assertThat(histogram.mean()).isCloseTo(Arrays.stream(values).mapToDouble(v -> v).average().orElseThrow(),
                    org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
    }

    @Test
    void everyValueFallsIntoABucketThatContainsIt() {
        SplittableRandom random = new SplittableRandom(3);
        long[] edges = {0, 1, 127, 128, 129, 255, 256, 257, 1L << 40, (1L << 40) - 1, Long.MAX_VALUE,
            Long.MAX_VALUE - 1};
        for (long value : edges) {
            assertBucketContains(value);
        }
        for (int i = 0; i < 100_000; i++) {
            assertBucketContains(random.nextLong(Long.MAX_VALUE));
        }
    }

    private static void assertBucketContains(long value) {
        int index = LatencyHistogram.index(value);
        long highest = LatencyHistogram.highestInBucket(index);
        long lowest = index == 0 ? 0 : LatencyHistogram.highestInBucket(index - 1) + 1;
        assertThat(value).as("bucket %d", index).isBetween(lowest, highest);
        assertThat(highest - lowest).isLessThanOrEqualTo((long) (lowest * PRECISION));
    }

    @Test
    void aTailOfOneSlowValueIsSeenAtTheRightRank() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 999; i++) {
            histogram.record(10_000);
        }
        histogram.record(5_000_000);
        assertThat(histogram.percentile(0.999)).isBetween(10_000L, 10_078L);
        assertThat(histogram.percentile(0.9991)).isBetween(5_000_000L, 5_039_062L);
        assertThat(histogram.percentile(1.0)).isEqualTo(5_000_000);
    }

    @Test
    void resetForgetsEverything() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(1_000_000);
        histogram.reset();
        histogram.record(5);
        assertThat(histogram.percentile(1.0)).isEqualTo(5);
        assertThat(histogram.count()).isEqualTo(1);
        assertThat(histogram.max()).isEqualTo(5);
    }

    @Test
    void rejectsWhatItCannotAnswer() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertThatThrownBy(() -> histogram.percentile(0.5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> histogram.record(-1)).isInstanceOf(IllegalArgumentException.class);
        histogram.record(1);
        assertThatThrownBy(() -> histogram.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> histogram.percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
