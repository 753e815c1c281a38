package io.natrium.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of {@link LoadTool}. */
record LoadOptions(int rounds, List<String> scenarios, long messages, long requests, long subscriptionMessages,
        long connections, Duration warmUp, Duration timeout, List<String> servers, Path natrium, Path natsServer) {

    static final List<String> ALL_SCENARIOS =
            List.of("pub16", "pub128", "pubsub", "pubsub128", "fanout", "queue", "reqreply", "subs10k", "churn");
    /** Run only when named: they start the servers with a WebSocket listener, which the others do not need. */
    static final List<String> WEBSOCKET_SCENARIOS = List.of("wspubsub", "wspubsub128", "wspubsubz");
    /** Run only when named: they give the servers a certificate (TLS on the client port, plain clients too). */
    static final List<String> TLS_SCENARIOS = List.of("tlspub", "tlspubsub", "tlsreqreply", "tlschurn");
    private static final List<String> KNOWN_SCENARIOS = concat(concat(ALL_SCENARIOS, WEBSOCKET_SCENARIOS),
            TLS_SCENARIOS);
    static final List<String> ALL_SERVERS = List.of("natrium", "nats-server", "sink");

    static final String USAGE = String.join("\n",
            "usage: java -cp benchmarks/target/benchmarks.jar io.natrium.benchmarks.load.LoadTool [options]",
            "  --rounds R             measured rounds per scenario and server, alternating (default 5)",
            "  --scenarios a,b,...    any of " + String.join(",", ALL_SCENARIOS) + " (default all of these),",
            "                         or over WebSocket " + String.join(",", WEBSOCKET_SCENARIOS) + " (z: compressed)",
            "                         or over TLS " + String.join(",", TLS_SCENARIOS) + " (the same openssl-made",
            "                         certificate for every server)",
            "  --servers a,b,...      servers to measure, in turns: any of natrium,nats-server,sink (default",
            "                         natrium,nats-server; sink is the tool's own discard server, see docs)",
            "  --messages N           messages per run of pub16, pub128, pubsub, pubsub128, fanout, queue, tlspub,",
            "                         tlspubsub (default 2000000)",
            "  --requests N           round trips per run of reqreply and tlsreqreply (default 20000)",
            "  --subs-messages N      messages per run of subs10k (default 100000)",
            "  --connections N        connections per run of churn and tlschurn (default 2000)",
            "  --scale F              multiplies all four sizes, e.g. 0.01 for a quick check (default 1)",
            "  --warmup S             seconds of warm-up per scenario and server before the measured rounds:",
            "                         runs of a fifth of the measured size, repeated (default 4)",
            "  --timeout S            seconds without progress before a run fails (default 10)",
            "  --natrium PATH         Natrium launcher script or runnable jar (default: ./natrium found from the",
            "                         working directory up, else bootstrap/target/natrium.jar)",
            "  --nats-server PATH     reference server binary, or 'none' (default /usr/sbin/nats-server if present)");

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** Whether a chosen scenario needs TLS on the servers' client port. */
    boolean tls() {
        return scenarios.stream().anyMatch(TLS_SCENARIOS::contains);
    }

    /** Whether a chosen scenario needs the servers' WebSocket listener. */
    boolean websocket() {
        return scenarios.stream().anyMatch(WEBSOCKET_SCENARIOS::contains);
    }

    static LoadOptions parse(String[] args) {
        int rounds = 5;
        List<String> scenarios = ALL_SCENARIOS;
        long messages = 2_000_000;
        long requests = 20_000;
        long subscriptionMessages = 100_000;
        long connections = 2_000;
        double scale = 1;
        Duration warmUp = Duration.ofSeconds(4);
        Duration timeout = Duration.ofSeconds(10);
        Path natrium = null;
        Path natsServer = defaultNatsServer();
        List<String> servers = List.of("natrium", "nats-server");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--rounds" -> rounds = positive(option, Long.parseLong(value)).intValue();
                case "--scenarios" -> scenarios = choose(option, value, KNOWN_SCENARIOS);
                case "--messages" -> messages = positive(option, Long.parseLong(value));
                case "--requests" -> requests = positive(option, Long.parseLong(value));
                case "--subs-messages" -> subscriptionMessages = positive(option, Long.parseLong(value));
                case "--connections" -> connections = positive(option, Long.parseLong(value));
                case "--scale" -> scale = Double.parseDouble(value);
                case "--warmup" -> warmUp = Duration.ofSeconds(Long.parseLong(value));
                case "--timeout" -> timeout = Duration.ofSeconds(positive(option, Long.parseLong(value)));
                case "--servers" -> servers = choose(option, value, ALL_SERVERS);
                case "--natrium" -> natrium = Path.of(value);
                case "--nats-server" -> natsServer = value.equals("none") ? null : Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new LoadOptions(rounds, scenarios, scaled(messages, scale), scaled(requests, scale),
                scaled(subscriptionMessages, scale), scaled(connections, scale), warmUp, timeout, servers,
                natrium == null ? defaultNatrium() : natrium, natsServer);
    }

    /** The command that starts Natrium: the launcher script, or {@code java -jar} for a jar. */
    List<String> natriumCommand() {
        if (natrium.toString().endsWith(".jar")) {
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    natrium.toString());
        }
        return List.of(natrium.toString());
    }

    private static Long positive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return value;
    }

    private static long scaled(long size, double scale) {
        return Math.max(1, Math.round(size * scale));
    }

    private static List<String> choose(String option, String value, List<String> known) {
        List<String> chosen = new ArrayList<>(Arrays.asList(value.split(",")));
        for (String id : chosen) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException(option + ": unknown " + id + " (known: " + known + ")");
            }
        }
        if (chosen.isEmpty() || chosen.stream().distinct().count() != chosen.size()) {
            throw new IllegalArgumentException(option + ": name each at most once");
        }
        return List.copyOf(chosen);
    }

    private static Path defaultNatsServer() {
        Path debian = Path.of("/usr/sbin/nats-server");
        return Files.isExecutable(debian) ? debian : null;
    }

    static Path defaultNatrium() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("natrium");
            if (Files.isExecutable(script) && Files.exists(dir.resolve("mvnw"))) {
                return script;
            }
        }
        return Path.of("bootstrap", "target", "natrium.jar");
    }
}
