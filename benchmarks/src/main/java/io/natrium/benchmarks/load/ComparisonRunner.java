package io.natrium.benchmarks.load;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs each scenario against every server: warm-up runs (a fifth of the measured size, repeated for the warm-up
 * time, because a JVM server reaches full speed only after its JIT compiler has seen the hot path), then
 * {@code rounds} measured rounds in which the servers take turns (first, second, first, second, ...). Each run
 * gets fresh connections and a watchdog; a run that throws, miscounts or hangs fails the scenario for that server.
 * Each run also records the CPU time per unit of work of the tool's thread (all its I/O runs there) and of the
 * server's process: the evidence that the tool is not what limits the figures.
 */
final class ComparisonRunner implements AutoCloseable {

    private static final int LOG_LINES = 15;
    private static final int WARM_UP_DIVISOR = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<ServerUnderTest> servers;
    private final int rounds;
    private final Duration warmUp;
    private final Duration timeout;
    private final Duration runLimit;
    private final PrintStream progress;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "load-run");
        thread.setDaemon(true);
        return thread;
    });

    ComparisonRunner(List<ServerUnderTest> servers, int rounds, Duration warmUp, Duration timeout,
            PrintStream progress) {
        this.servers = servers;
        this.rounds = rounds;
        this.warmUp = warmUp;
        this.timeout = timeout;
        this.runLimit = timeout.multipliedBy(12);
        this.progress = progress;
    }

    /** The results of {@code scenario} per server name, in the servers' order. */
    Map<String, ServerResult> run(Scenario scenario) throws InterruptedException {
        Map<String, ServerResult> results = new LinkedHashMap<>();
        servers.forEach(server -> results.put(server.name(), new ServerResult()));
        for (ServerUnderTest server : servers) {
            warmUp(scenario, server, results.get(server.name()));
        }
        for (int round = 1; round <= rounds; round++) {
            for (ServerUnderTest server : servers) {
                ServerResult result = results.get(server.name());
                String label = "round " + round + "/" + rounds;
                List<Metric> metrics = runOnce(scenario, server, scenario.size(), label, result);
                if (metrics != null) {
                    result.add(metrics);
                    progress.println(prefix(scenario, label, server) + " " + describe(metrics) + "; load "
                            + LoadTool.loadAverage());
                }
            }
        }
        return results;
    }

    private void warmUp(Scenario scenario, ServerUnderTest server, ServerResult result) throws InterruptedException {
        long size = Math.max(1, scenario.size() / WARM_UP_DIVISOR);
        long start = System.nanoTime();
        int runs = 0;
        List<Metric> last;
        do {
            runs++;
            last = runOnce(scenario, server, size, "warm-up", result);
        } while (last != null && System.nanoTime() - start < warmUp.toNanos());
        if (last != null) {
            progress.println(prefix(scenario, "warm-up", server) + String.format(Locale.ROOT,
                    " %d runs in %.1f s, last %s", runs, (System.nanoTime() - start) / 1e9, describe(last)));
        }
    }

    /** One run; its figures, or {@code null} when it failed (recorded in {@code result} and reported). */
    private List<Metric> runOnce(Scenario scenario, ServerUnderTest server, long size, String label,
            ServerResult result) throws InterruptedException {
        try {
            if (!server.isAlive()) {
                progress.println(prefix(scenario, label, server) + " server had exited; restarting it");
                server.restart();
            }
            return execute(scenario, server, size);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            String reason = label + ": " + (e instanceof LoadFailure ? e.getMessage() : e.toString());
            progress.println(prefix(scenario, label, server) + " FAILED " + reason);
            progress.println("  server " + (server.isAlive() ? "running" : "exited") + "; log " + server.log()
                    + " ends with:\n" + server.logTail(LOG_LINES).indent(4));
            result.fail(reason + (server.isAlive() ? "" : " (server exited)"));
            return null;
        }
    }

    private static String prefix(Scenario scenario, String label, ServerUnderTest server) {
        return "[" + scenario.id() + "] " + label + " " + server.name() + ":";
    }

    private static String describe(List<Metric> metrics) {
        return metrics.stream().map(metric -> MarkdownTable.format(metric.value()) + " " + metric.unit())
                .collect(Collectors.joining(", "));
    }

    private List<Metric> execute(Scenario scenario, ServerUnderTest server, long size) throws Exception {
        IoLoop loop = new IoLoop(server.port(), server.websocketPort(), timeout);
        try {
            Future<List<Metric>> run = executor.submit(() -> {
                long serverBefore = server.cpuNanos();
                long clientBefore = THREADS.getCurrentThreadCpuTime();
                List<Metric> metrics = new ArrayList<>(scenario.run(loop, size));
                long client = THREADS.getCurrentThreadCpuTime() - clientBefore;
                long busy = server.cpuNanos() - serverBefore;
                metrics.add(Metric.cpuNanos("tool CPU ns/" + scenario.unit(), (double) client / size));
                metrics.add(Metric.cpuNanos("server CPU ns/" + scenario.unit(), (double) busy / size));
                return metrics;
            });
            try {
                return run.get(runLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                throw new LoadFailure("hung: not finished within " + runLimit.toSeconds() + " s");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        } finally {
            loop.close();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
