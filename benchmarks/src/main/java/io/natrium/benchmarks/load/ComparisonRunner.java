package io.natrium.benchmarks.load;

import java.io.PrintStream;
import java.time.Duration;
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
 * Runs each scenario against every server: one warm-up run per server, then {@code rounds} measured rounds in which
 * the servers take turns (first, second, first, second, ...). Each run gets fresh connections and a watchdog; a
 * run that throws, miscounts or hangs fails the scenario for that server.
 */
final class ComparisonRunner implements AutoCloseable {

    private static final int LOG_LINES = 15;

    private final List<ServerUnderTest> servers;
    private final int rounds;
    private final double warmUp;
    private final Duration timeout;
    private final Duration runLimit;
    private final PrintStream progress;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "load-run");
        thread.setDaemon(true);
        return thread;
    });

    ComparisonRunner(List<ServerUnderTest> servers, int rounds, double warmUp, Duration timeout,
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
        long warmUpSize = Math.max(1, Math.round(scenario.size() * warmUp));
        for (ServerUnderTest server : servers) {
            runOnce(scenario, server, warmUpSize, "warm-up", results.get(server.name()));
        }
        for (int round = 1; round <= rounds; round++) {
            for (ServerUnderTest server : servers) {
                runOnce(scenario, server, scenario.size(), "round " + round + "/" + rounds,
                        results.get(server.name()));
            }
        }
        return results;
    }

    private void runOnce(Scenario scenario, ServerUnderTest server, long size, String label, ServerResult result)
            throws InterruptedException {
        String prefix = String.format(Locale.ROOT, "[%s] %s %s:", scenario.id(), label, server.name());
        try {
            if (!server.isAlive()) {
                progress.println(prefix + " server had exited; restarting it");
                server.restart();
            }
            List<Metric> metrics = execute(scenario, server, size);
            progress.println(prefix + " " + metrics.stream()
                    .map(metric -> MarkdownTable.format(metric.value()) + " " + metric.unit())
                    .collect(Collectors.joining(", ")));
            if (!label.equals("warm-up")) {
                result.add(metrics);
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            String reason = label + ": " + (e instanceof LoadFailure ? e.getMessage() : e.toString());
            progress.println(prefix + " FAILED " + reason);
            String log = server.logTail(LOG_LINES);
            progress.println("  server " + (server.isAlive() ? "running" : "exited") + "; log " + server.log()
                    + " ends with:\n" + log.indent(4));
            result.fail(reason + (server.isAlive() ? "" : " (server exited)"));
        }
    }

    private List<Metric> execute(Scenario scenario, ServerUnderTest server, long size) throws Exception {
        try (RunContext context = new RunContext(server.port(), timeout)) {
            Future<List<Metric>> run = executor.submit(() -> scenario.run(context, size));
            try {
                return run.get(runLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                context.close();
                run.cancel(true);
                throw new LoadFailure("hung: not finished within " + runLimit.toSeconds() + " s");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
