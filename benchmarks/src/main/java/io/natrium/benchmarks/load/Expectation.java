package io.natrium.benchmarks.load;

import java.util.Arrays;

/** What the subscriber connections of one run must have received, exactly. */
interface Expectation {

    /** The number of messages all subscriber connections together must receive. */
    long total();

    /** Why {@code received} (per subscriber connection) is wrong, or {@code null} when it is exact. */
    String mismatch(long[] received);

    /** Each subscriber connection receives exactly its own count. */
    static Expectation each(long... expected) {
        long total = Arrays.stream(expected).sum();
        return new Expectation() {
            @Override
            public long total() {
                return total;
            }

            @Override
            public String mismatch(long[] received) {
                return Arrays.equals(received, expected) ? null
                        : "received " + Arrays.toString(received) + ", expected " + Arrays.toString(expected);
            }
        };
    }

    /** Queue-group members share exactly {@code total} messages, and every member gets some. */
    static Expectation shared(long total) {
        return new Expectation() {
            @Override
            public long total() {
                return total;
            }

            @Override
            public String mismatch(long[] received) {
                long sum = Arrays.stream(received).sum();
                boolean everyMemberServed = Arrays.stream(received).allMatch(count -> count > 0);
                return sum == total && everyMemberServed ? null
                        : "members received " + Arrays.toString(received) + " (sum " + sum + "), expected "
                                + total + " in all and some for each member";
            }
        };
    }
}
