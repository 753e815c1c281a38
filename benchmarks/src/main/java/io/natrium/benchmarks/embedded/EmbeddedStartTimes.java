package io.natrium.benchmarks.embedded;

import io.natrium.embedded.NatriumServer;

import java.util.Arrays;

/**
 * Start-to-ready of embedded servers one after another in one JVM: the first start alone, then the distribution of
 * the next ones (minimum, median, 90th percentile), which an average hides on a shared machine.
 * {@code java -cp benchmarks/target/benchmarks.jar io.natrium.benchmarks.embedded.EmbeddedStartTimes 50}
 */
public final class EmbeddedStartTimes {

    private EmbeddedStartTimes() {
    }

    public static void main(String[] args) {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        double first = timeOneStart();
        double[] next = new double[starts];
        for (int i = 0; i < starts; i++) {
            next[i] = timeOneStart();
        }
        Arrays.sort(next);
        System.out.printf("first start: %.1f ms%n", first);
        System.out.printf("next %d starts: min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms%n", starts, next[0],
                next[starts / 2], next[(int) (starts * 0.9)], next[starts - 1]);
    }

    private static double timeOneStart() {
        long begin = System.nanoTime();
        NatriumServer server = NatriumServer.start();
        double millis = (System.nanoTime() - begin) / 1e6;
        server.close();
        return millis;
    }
}
