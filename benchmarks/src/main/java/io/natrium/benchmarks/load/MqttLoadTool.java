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
            "  --scale F        multiplies the messages per round, 200,000 (default 1)",
            "  --servers LIST   natrium,nats-server,mosquitto (default: those found)");
    private static final long MESSAGES = 200_000;
    private static final long TIMEOUT_SECONDS = 120;

    private MqttLoadTool() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        double scale = 1;
        List<String> servers = new ArrayList<>(List.of("natrium", "nats-server", "mosquitto"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--scale" -> scale = Double.parseDouble(args[i + 1]);
                case "--servers" -> servers = List.of(args[i + 1].split(","));
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        long messages = Math.max(1, Math.round(MESSAGES * scale));
        Path work = Files.createTempDirectory("natrium-mqtt-load-");
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        for (String server : servers) {
            try (MqttServer running = start(server, work)) {
                if (running == null) {
                    continue;
                }
                System.err.println("started " + server + ", logs in " + work);
                for (MqttScenario scenario : MqttScenario.all()) {
                    medians.computeIfAbsent(scenario.title(), title -> new LinkedHashMap<>())
                            .put(server, measure(scenario, server, running.port(), messages, rounds));
                }
            }
        }
        System.out.println("Measured on " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
                + LoadTool.loadAverage() + "; " + messages + " messages per round, medians of " + rounds
                + " rounds, msg/s.");
        System.out.println();
        List<String> columns = List.copyOf(servers);
        System.out.println("| scenario | " + String.join(" | ", columns) + " |");
        System.out.println("|---" + "|---:".repeat(columns.size()) + "|");
        medians.forEach((title, byServer) -> {
            StringBuilder row = new StringBuilder("| ").append(title).append(" |");
            for (String server : columns) {
                Double rate = byServer.get(server);
                row.append(rate == null ? " – |" : rate.isNaN() ? " failed |"
                        : String.format(Locale.ROOT, " %,.0f |", rate));
            }
            System.out.println(row);
        });
    }

    /**
     * A warm-up run of a tenth of the size, then the median of {@code rounds} runs; NaN when a run failed (a
     * message missing, a refusal), which is told on standard error and does not stop the other scenarios.
     */
    private static double measure(MqttScenario scenario, String server, int port, long messages, int rounds)
            throws InterruptedException {
        double[] rates = new double[rounds];
        try {
            scenario.run(port, Math.max(1, messages / 10), TIMEOUT_SECONDS);
            for (int round = 0; round < rounds; round++) {
                rates[round] = scenario.run(port, messages, TIMEOUT_SECONDS);
                System.err.printf(Locale.ROOT, "%s on %s: %.0f msg/s%n", scenario.title(), server, rates[round]);
            }
            return Stats.median(rates);
        } catch (IOException e) {
            System.err.println("FAILED: " + scenario.title() + " on " + server + ": " + e.getMessage());
            return Double.NaN;
        }
    }

    /** The server by name, started; null when its program is not there. */
    private static MqttServer start(String server, Path work) throws Exception {
        return switch (server) {
            case "natrium" -> MqttServer.nats("natrium", LoadOptions.parse(new String[0]).natriumCommand(), false,
                    work);
            case "nats-server" -> Files.isExecutable(Path.of("/usr/sbin/nats-server"))
                    ? MqttServer.nats("nats-server", List.of("/usr/sbin/nats-server"), true, work) : null;
            case "mosquitto" -> Files.isExecutable(Path.of("/usr/sbin/mosquitto"))
                    ? MqttServer.mosquitto(Path.of("/usr/sbin/mosquitto"), work) : null;
            default -> throw new IllegalArgumentException("unknown server " + server + "\n" + USAGE);
        };
    }
}
