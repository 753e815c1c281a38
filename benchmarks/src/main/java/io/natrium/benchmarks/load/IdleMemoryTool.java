package io.natrium.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What idle connections cost a server, in counts rather than timings (so it means something on a busy machine too):
 * each server in turn is started, left to settle, and measured at rest; then {@code --connections} clients connect
 * and complete the handshake (INFO, CONNECT, PING, PONG) and stay idle, and it is measured again; then they close,
 * and it is measured once more. Resident memory for every server; for a JVM also the live heap after a full
 * collection, by class, so the heap per connection can be read off and attributed. A Markdown table goes to standard
 * output. See docs/benchmarks.md.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.natrium.benchmarks.load.IdleMemoryTool --connections 10000</pre>
 */
public final class IdleMemoryTool {

    /** Long enough for a JVM's post-start compilation and a nats-server's first GC to be over. */
    private static final long SETTLE_MILLIS = 3_000;
    private static final int TOP_CLASSES = 12;

    private IdleMemoryTool() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        Path logs = Files.createTempDirectory("natrium-idle-");
        String loadBefore = LoadTool.loadAverage();
        Map<String, Figures> results = new LinkedHashMap<>();
        for (String name : options.servers()) {
            List<String> command = switch (name) {
                case "natrium" -> options.natriumCommand();
                case "nats-server" -> options.natsServer() == null ? null : List.of(options.natsServer().toString());
                default -> null;
            };
            if (command == null) {
                System.err.println("not measuring " + name);
                continue;
            }
            String title = name.equals("natrium") ? MarkdownTable.NATRIUM : MarkdownTable.NATS_SERVER;
            try (ServerUnderTest server = ServerUnderTest.start(title, command, logs)) {
                System.err.println("started " + server + ", log " + server.log());
                results.put(title, measure(server, options));
            }
        }
        System.out.println("Measured with " + options.connections() + " idle connections; load average before "
                + loadBefore + ", after " + LoadTool.loadAverage() + "; " + Runtime.getRuntime().availableProcessors()
                + " CPUs, Java " + System.getProperty("java.version") + "\n");
        print(results, options.connections());
    }

    private static Figures measure(ServerUnderTest server, LoadOptions options)
            throws IOException, InterruptedException {
        ProcessHandle process = server.handle();
        boolean jvm = ProcessMemory.isJvm(process);
        TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
        Map<String, Long> heapAtRest = jvm ? ProcessMemory.liveHeapByClass(process) : Map.of();
        long restRss = ProcessMemory.residentBytes(process);
        List<Socket> clients = new ArrayList<>();
        long connectNanos;
        try {
            long start = System.nanoTime();
            open(clients, server.port(), options);
            connectNanos = System.nanoTime() - start;
            TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
            if (!server.isAlive()) {
                throw new LoadFailure(server + " exited; log:\n" + server.logTail(30));
            }
            Map<String, Long> heapIdle = jvm ? ProcessMemory.liveHeapByClass(process) : Map.of();
            long idleRss = ProcessMemory.residentBytes(process);
            System.err.printf("%s: %d connections in %.1f s%n", server, clients.size(), connectNanos / 1e9);
            closeAll(clients);
            TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
            Map<String, Long> heapAfter = jvm ? ProcessMemory.liveHeapByClass(process) : Map.of();
            long afterRss = ProcessMemory.residentBytes(process);
            return new Figures(restRss, idleRss, afterRss, heapAtRest, heapIdle, heapAfter);
        } finally {
            closeAll(clients);
        }
    }

    /** Opens the connections one after another, each through its handshake, and keeps them. */
    private static void open(List<Socket> clients, int port, LoadOptions options) throws IOException {
        InetSocketAddress address = new InetSocketAddress(IoLoop.HOST, port);
        int timeout = (int) options.timeout().toMillis();
        byte[] input = new byte[4096];
        for (long i = 0; i < options.connections(); i++) {
            Socket socket = new Socket();
            clients.add(socket);
            socket.setSoTimeout(timeout);
            socket.connect(address, timeout);
            ConnectionChurnScenario.handshake(socket, input, i);
        }
    }

    private static void closeAll(List<Socket> clients) {
        for (Socket socket : clients) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing is all that is asked; a socket the server already closed is as good.
            }
        }
        clients.clear();
    }

    private static void print(Map<String, Figures> results, long connections) {
        List<String> names = List.copyOf(results.keySet());
        StringBuilder table = new StringBuilder("| | " + String.join(" | ", names) + " |\n|---|"
                + "---|".repeat(names.size()) + "\n");
        row(table, "RSS at rest (MiB)", results, figures -> mib(figures.restRss()));
        row(table, "RSS with " + connections + " idle connections (MiB)", results, figures -> mib(figures.idleRss()));
        row(table, "RSS per idle connection (KiB)", results,
                figures -> String.format("%.1f", (figures.idleRss() - figures.restRss()) / 1024.0 / connections));
        row(table, "RSS after they closed (MiB)", results, figures -> mib(figures.afterRss()));
        row(table, "live heap at rest (MiB)", results, figures -> heap(figures.heapAtRest()));
        row(table, "live heap with the connections (MiB)", results, figures -> heap(figures.heapIdle()));
        row(table, "live heap per idle connection (bytes)", results, figures -> figures.heapIdle().isEmpty() ? "—"
                : Long.toString((total(figures.heapIdle()) - total(figures.heapAtRest())) / connections));
        row(table, "live heap after they closed (MiB)", results, figures -> heap(figures.heapAfter()));
        System.out.println(table);
        results.forEach((name, figures) -> {
            if (!figures.heapIdle().isEmpty()) {
                System.out.println("\n" + name + ", live heap per idle connection by class (bytes):\n");
                System.out.println(topClasses(figures, connections));
            }
        });
    }

    private static String topClasses(Figures figures, long connections) {
        Map<String, Long> delta = new LinkedHashMap<>();
        figures.heapIdle().forEach((type, bytes) -> {
            if (!type.equals("Total")) {
                delta.put(type, bytes - figures.heapAtRest().getOrDefault(type, 0L));
            }
        });
        StringBuilder out = new StringBuilder("| class | bytes/connection |\n|---|---|\n");
        delta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP_CLASSES)
                .forEach(entry -> out.append("| `").append(entry.getKey()).append("` | ")
                        .append(String.format("%.1f", entry.getValue() / (double) connections)).append(" |\n"));
        return out.toString();
    }

    private static void row(StringBuilder table, String label, Map<String, Figures> results,
            java.util.function.Function<Figures, String> value) {
        table.append("| ").append(label).append(" |");
        results.values().forEach(figures -> table.append(' ').append(value.apply(figures)).append(" |"));
        table.append('\n');
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : String.format("%.1f", bytes / 1024.0 / 1024.0);
    }

    private static String heap(Map<String, Long> byClass) {
        return byClass.isEmpty() ? "—" : mib(total(byClass));
    }

    private static long total(Map<String, Long> byClass) {
        return byClass.getOrDefault("Total", 0L);
    }

    /** One server's figures: resident memory and, for a JVM, live heap by class, at rest, idle, after. */
    private record Figures(long restRss, long idleRss, long afterRss, Map<String, Long> heapAtRest,
            Map<String, Long> heapIdle, Map<String, Long> heapAfter) {
    }
}
