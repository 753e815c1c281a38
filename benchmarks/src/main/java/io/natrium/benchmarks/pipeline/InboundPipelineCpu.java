package io.natrium.benchmarks.pipeline;

import io.netty.util.concurrent.FastThreadLocalThread;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The CPU time the server's inbound pipeline ({@link InboundPipeline}) takes per 16 B message, measured with the
 * thread's CPU clock: on a machine other work keeps busy, elapsed time mostly measures the wait for a core, the CPU
 * time hardly (caches shared with other work still add some, never remove any; hence the lowest round is printed
 * beside the median). Runs on a Netty thread, as an event loop is one, so the pooled allocator uses its thread cache.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.natrium.benchmarks.pipeline.InboundPipelineCpu [subscribers...]
 * </pre>
 * Subscriber counts default to 0 and 1; {@code -Drounds}, {@code -Dreads} (per round) and {@code -Dwarmup} (reads)
 * change the run's size.
 */
public final class InboundPipelineCpu {

    private static final int ROUNDS = Integer.getInteger("rounds", 11);
    private static final int READS_PER_ROUND = Integer.getInteger("reads", 2_000);
    private static final int WARM_UP_READS = Integer.getInteger("warmup", 20_000);

    private InboundPipelineCpu() {
    }

    public static void main(String[] args) throws Exception {
        int[] counts = args.length == 0 ? new int[] {0, 1} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int subscribers : counts) {
            double[] rounds = onNettyThread(subscribers);
            double[] sorted = rounds.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "subscribers %d: CPU ns/message median %.1f, lowest %.1f, rounds %s%n",
                    subscribers, sorted[sorted.length / 2], sorted[0], format(rounds));
        }
    }

    private static double[] onNettyThread(int subscribers) throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new FastThreadLocalThread(() -> {
            try {
                outcome.set(measure(subscribers));
            } catch (Throwable failure) {
                outcome.set(failure);
            }
        }, "pipeline-cpu");
        thread.start();
        thread.join();
        if (outcome.get() instanceof Throwable failure) {
            throw new IllegalStateException("the measurement failed", failure);
        }
        return (double[]) outcome.get();
    }

    private static double[] measure(int subscribers) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (InboundPipeline pipeline = new InboundPipeline(subscribers)) {
            for (int i = 0; i < WARM_UP_READS; i++) {
                check(pipeline, pipeline.publishOneRead());
            }
            double[] rounds = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long written = 0;
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < READS_PER_ROUND; i++) {
                    written += pipeline.publishOneRead();
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                check(pipeline, written / READS_PER_ROUND);
                rounds[round] = (double) cpu / ((long) READS_PER_ROUND * InboundPipeline.MESSAGES);
            }
            return rounds;
        }
    }

    private static void check(InboundPipeline pipeline, long writtenPerRead) {
        if (writtenPerRead != pipeline.expectedBytesPerRead()) {
            throw new IllegalStateException("the subscribers were sent " + writtenPerRead + " bytes per read, not "
                    + pipeline.expectedBytesPerRead());
        }
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (double value : values) {
            text.append(text.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.1f", value));
        }
        return text.append(']').toString();
    }
}
