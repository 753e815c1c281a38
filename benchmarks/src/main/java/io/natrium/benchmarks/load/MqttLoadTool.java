package io.natrium.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MQTT load scenarios ({@link MqttScenario}: QoS 0 and 1, publish and fan-out) against Natrium, nats-server with
 * JetStream and Mosquitto side by side, each server started in turn; prints a Markdown table of the medians of the
 * rounds in messages per second. Progress goes to standard error, the table to standard output.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.natrium.benchmarks.load.MqttLoadTool --scale 0.01
 * --rounds 1}.
 */
public final class MqttLoadTool {

    static final String USAGE = String.join("\n",
            "MqttLoadTool [options]",
            "  --rounds R       measured rounds per scenario and server (default 5)",
            "  --warmup W       unmeasured rounds first, of the same size (default 2; a JVM server compiles its hot",
            "                   path meanwhile, slowly on a busy machine)",
            "  --scale F        multiplies the messages per round, 200,000 (default 1)",
            "  --servers LIST   natrium,nats-server,mosquitto (default: those found)",
            "  --natrium PATH   Natrium launcher script or runnable jar (default: as LoadTool finds it)",
            "  --scenarios LIST mqtt-pub0,mqtt-pub1,mqtt-fanout0,mqtt-fanout1 (default: all)");
    private static final long MESSAGES = 200_000;
    private static final long TIMEOUT_SECONDS = 120;

    private MqttLoadTool() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int warmup = 2;
        double scale = 1;
        List<String> servers = new ArrayList<>(List.of("natrium", "nats-server", "mosquitto"));
        List<MqttScenario> scenarios = MqttScenario.all();
        String[] natrium = new String[0];
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--scale" -> scale = Double.parseDouble(args[i + 1]);
                case "--servers" -> servers = List.of(args[i + 1].split(","));
                case "--natrium" -> natrium = new String[] {"--natrium", args[i + 1]};
                case "--scenarios" -> scenarios = MqttScenario.named(List.of(args[i + 1].split(",")));
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        long messages = Math.max(1, Math.round(MESSAGES * scale));
        Path work = Files.createTempDirectory("natrium-mqtt-load-");
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        for (String server : servers) {
            try (MqttServer running = start(server, natrium, work)) {
                if (running == null) {
                    continue;
                }
                System.err.println("started " + server + ", logs in " + work);
                for (MqttScenario scenario : scenarios) {
                    double[] measured = measure(scenario, server, running, messages, warmup, rounds);
                    medians.computeIfAbsent(scenario.title(), title -> new LinkedHashMap<>()).put(server, measured[0]);
                    cpu.computeIfAbsent(scenario.title(), title -> new LinkedHashMap<>()).put(server, measured[1]);
                }
            }
        }
        System.out.println("Measured on " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
                + LoadTool.loadAverage() + "; " + messages + " messages per round, medians of " + rounds
                + " rounds after " + warmup + " unmeasured, msg/s.");
        System.out.println();
        print(List.copyOf(servers), medians, "%,.0f");
        System.out.println();
        System.out.println("Server CPU per message published, µs (medians of the rounds; the process's CPU time from the"
                + " operating system, which a busy machine does not inflate as it does elapsed time):");
        System.out.println();
        print(List.copyOf(servers), cpu, "%,.2f");
    }

    private static void print(List<String> columns, Map<String, Map<String, Double>> figures, String format) {
        System.out.println("| scenario | " + String.join(" | ", columns) + " |");
        System.out.println("|---" + "|---:".repeat(columns.size()) + "|");
        figures.forEach((title, byServer) -> {
            StringBuilder row = new StringBuilder("| ").append(title).append(" |");
            for (String server : columns) {
                Double figure = byServer.get(server);
                row.append(figure == null ? " – |" : figure.isNaN() ? " failed |"
                        : String.format(Locale.ROOT, " " + format + " |", figure));
            }
            System.out.println(row);
        });
    }

    /**
     * A run of a tenth of the size and {@code warmup} unmeasured runs, then the medians of {@code rounds} runs:
     * messages per second and the server's CPU microseconds per message; NaN when a run failed (a message missing, a refusal), which is told on
     * standard error and does not stop the other scenarios.
     */
    private static double[] measure(MqttScenario scenario, String server, MqttServer running, long messages,
            int warmup, int rounds) throws InterruptedException {
        double[] rates = new double[rounds];
        double[] cpu = new double[rounds];
        try {
            scenario.run(running.port(), Math.max(1, messages / 10), TIMEOUT_SECONDS, running::cpuNanos);
            for (int round = 0; round < warmup; round++) {
                scenario.run(running.port(), messages, TIMEOUT_SECONDS, running::cpuNanos);
            }
            for (int round = 0; round < rounds; round++) {
                MqttRound measured = scenario.run(running.port(), messages, TIMEOUT_SECONDS, running::cpuNanos);
                rates[round] = measured.messagesPerSecond();
                cpu[round] = measured.cpuMicrosPerMessage();
                System.err.printf(Locale.ROOT, "%s on %s: %.0f msg/s, %.2f µs CPU/msg%n", scenario.title(), server,
                        rates[round], cpu[round]);
            }
            return new double[] {Stats.median(rates), Stats.median(cpu)};
        } catch (IOException e) {
            System.err.println("FAILED: " + scenario.title() + " on " + server + ": " + e.getMessage() + " (its log: "
                    + running.log() + ")");
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** The server by name, started; null when its program is not there. */
    private static MqttServer start(String server, String[] natrium, Path work) throws Exception {
        return switch (server) {
            case "natrium" -> MqttServer.nats("natrium", LoadOptions.parse(natrium).natriumCommand(), false, work);
            case "nats-server" -> Files.isExecutable(Path.of("/usr/sbin/nats-server"))
                    ? MqttServer.nats("nats-server", List.of("/usr/sbin/nats-server"), true, work) : null;
            case "mosquitto" -> Files.isExecutable(Path.of("/usr/sbin/mosquitto"))
                    ? MqttServer.mosquitto(Path.of("/usr/sbin/mosquitto"), work) : null;
            default -> throw new IllegalArgumentException("unknown server " + server + "\n" + USAGE);
        };
    }
}
