package io.natrium.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Runs the load scenarios against Natrium and the reference nats-server side by side and prints a Markdown table of
 * the medians and their ratio. Progress and failure details go to standard error, the table to standard output.
 * See docs/benchmarks.md.
 */
public final class LoadTool {

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        Path logs = Files.createTempDirectory("natrium-load-");
        LoadTls tls = options.tls() ? LoadTls.create(logs) : null;
        List<Scenario> scenarios = scenarios(options, tls);
        List<ServerUnderTest> servers = new CopyOnWriteArrayList<>();
        Thread stopServers = new Thread(() -> servers.forEach(ServerUnderTest::close), "stop-servers");
        Runtime.getRuntime().addShutdownHook(stopServers);
        try {
            for (String server : options.servers()) {
                switch (server) {
                    case "natrium" -> servers.add(ServerUnderTest.start(MarkdownTable.NATRIUM,
                            options.natriumCommand(), logs, options.websocket(), tls));
                    case "nats-server" -> {
                        if (options.natsServer() != null) {
                            servers.add(ServerUnderTest.start(MarkdownTable.NATS_SERVER,
                                    List.of(options.natsServer().toString()), logs, options.websocket(), tls));
                        } else {
                            System.err.println("no nats-server binary: not measuring it");
                        }
                    }
                    default -> servers.add(ServerUnderTest.start("sink", SinkServer.command(), logs));
                }
            }
            servers.forEach(server -> System.err.println("started " + server + ", log " + server.log()));
            run(options, scenarios, servers);
        } finally {
            servers.forEach(ServerUnderTest::close);
            Runtime.getRuntime().removeShutdownHook(stopServers);
        }
    }

    private static void run(LoadOptions options, List<Scenario> scenarios, List<ServerUnderTest> servers)
            throws InterruptedException {
        List<String> names = servers.stream().map(ServerUnderTest::name).toList();
        MarkdownTable table = new MarkdownTable(names, false);
        MarkdownTable cpu = new MarkdownTable(names, true);
        List<String> failures = new ArrayList<>();
        try (ComparisonRunner runner = new ComparisonRunner(servers, options.rounds(), options.warmUp(),
                options.timeout(), System.err)) {
            for (Scenario scenario : scenarios) {
                Map<String, ServerResult> results = runner.run(scenario);
                table.add(scenario, results);
                cpu.add(scenario, results);
                results.forEach((server, result) -> {
                    if (result.failed()) {
                        failures.add(scenario.title() + " on " + server + ": " + result.failure());
                    }
                });
            }
        }
        System.out.println();
        System.out.println(machine(options) + "; medians of " + options.rounds()
                + " alternating rounds, [lowest–highest round].");
        System.out.println();
        System.out.print(table);
        if (names.contains(MarkdownTable.NATRIUM) && names.contains(MarkdownTable.NATS_SERVER)) {
            System.out.println();
            System.out.println("Ratio = Natrium / nats-server: above 1 Natrium is faster for rates, slower for "
                    + "latencies.");
        }
        System.out.println();
        System.out.println("CPU time per unit of work: the tool's thread (all its connections) and the server's "
                + "process, medians of the same rounds.");
        System.out.println();
        System.out.print(cpu);
        failures.forEach(failure -> System.out.println("FAILED: " + failure));
    }

    /** The selected scenarios, in the order given on the command line (built only when chosen). */
    private static List<Scenario> scenarios(LoadOptions options, LoadTls tls) {
        Map<String, Supplier<Scenario>> catalog = Map.ofEntries(
                Map.entry("pub16", () -> new PubOnlyScenario(16, options.messages())),
                Map.entry("pub128", () -> new PubOnlyScenario(128, options.messages())),
                Map.entry("pubsub", () -> PubSubScenario.oneToOne(16, options.messages(), ClientTransport.NATS)),
                Map.entry("pubsub128", () -> PubSubScenario.oneToOne(128, options.messages(), ClientTransport.NATS)),
                Map.entry("fanout", () -> PubSubScenario.fanOut(5, options.messages())),
                Map.entry("queue", () -> PubSubScenario.queueGroup(4, options.messages())),
                Map.entry("reqreply", () -> new RequestReplyScenario(options.requests())),
                Map.entry("subs10k", () -> new ManySubscriptionsScenario(options.subscriptionMessages())),
                Map.entry("churn", () -> new ConnectionChurnScenario(options.connections())),
                Map.entry("wspubsub", () -> PubSubScenario.oneToOne(16, options.messages(), ClientTransport.WEBSOCKET)),
                Map.entry("wspubsub128",
                        () -> PubSubScenario.oneToOne(128, options.messages(), ClientTransport.WEBSOCKET)),
                Map.entry("wspubsubz",
                        () -> PubSubScenario.oneToOne(16, options.messages(), ClientTransport.WEBSOCKET_DEFLATE)),
                Map.entry("tlspub", () -> new TlsPubScenario(options.messages(), tls)),
                Map.entry("tlspubsub", () -> new TlsPubSubScenario(options.messages(), tls)),
                Map.entry("tlsreqreply", () -> new TlsRequestReplyScenario(options.requests(), tls)),
                Map.entry("tlschurn", () -> new ConnectionChurnScenario(options.connections(), tls)));
        return options.scenarios().stream().map(id -> catalog.get(id).get()).toList();
    }

    /** Date, processors, CPU model, Java and nats-server versions. */
    private static String machine(LoadOptions options) {
        return "Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " CPUs ("
                + cpuModel() + "), load average before the run " + loadAverage + ", after " + loadAverage()
                + ", Java " + System.getProperty("java.version")
                + (options.natsServer() == null ? "" : ", " + commandOutput(options.natsServer() + " --version"));
    }

    private static String loadAverage = loadAverage();

    /** The first three fields of /proc/loadavg: how busy the machine was (1, 5 and 15 minutes). */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String commandOutput(String command) {
        try {
            Process process = new ProcessBuilder(command.split(" ")).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return output;
        } catch (IOException e) {
            return command + " failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return command + " interrupted";
        }
    }
}
