package io.natrium.benchmarks.load;

import java.util.Arrays;

/**
 * A log-linear histogram of non-negative values (nanoseconds here): values below {@code 2^}{@value #SUB_BUCKET_BITS}
 * are counted exactly; above, each power of two is split into {@code 2^}{@value #SUB_BUCKET_BITS} equal buckets, so a
 * reported percentile is at most {@code 1/2^}{@value #SUB_BUCKET_BITS} (0.8 %) above the true one and never below it.
 * Recording costs a few arithmetic operations and allocates nothing; the counts take 57 KiB.
 */
final class LatencyHistogram {

    static final int SUB_BUCKET_BITS = 7;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    /** Shifts 0..(63 - SUB_BUCKET_BITS - 1) plus the exact range. */
    private static final int BUCKETS = (64 - SUB_BUCKET_BITS) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private double sum;
    private long min = Long.MAX_VALUE;
    private long max;

    void record(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        counts[index(value)]++;
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    long count() {
        return count;
    }

    long min() {
        return count == 0 ? 0 : min;
    }

    long max() {
        return max;
    }

    double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * The nearest-rank percentile ({@code fraction} in (0, 1]): the highest value of the bucket holding the
     * {@code ceil(fraction * count)}-th smallest value, capped at the largest value recorded.
     */
    long percentile(double fraction) {
        if (count == 0) {
            throw new IllegalStateException("no values recorded");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction " + fraction + " is not in (0, 1]");
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestInBucket(i), max);
            }
        }
        throw new IllegalStateException("counts do not add up to " + count);
    }

    void reset() {
        Arrays.fill(counts, 0);
        count = 0;
        sum = 0;
        min = Long.MAX_VALUE;
        max = 0;
    }

    static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BUCKET_BITS;
        int subBucket = (int) (value >>> shift) - SUB_BUCKETS;
        return (shift + 1) * SUB_BUCKETS + subBucket;
    }

    static long highestInBucket(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long lowest = (long) (index % SUB_BUCKETS + SUB_BUCKETS) << shift;
        return lowest + (1L << shift) - 1;
    }
}
