package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long a server takes from process start until a client has read its INFO, the budget tools give nats-server.
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar io.natrium.benchmarks.load.StartupTime [runs] [command...
 * [-- command...]...]}; the default command is the {@code natrium} launcher. Several commands separated by
 * {@code --} are started in turn (A B C A B C ...), so that they share whatever else the machine is doing.
 *
 * <p>Besides the time to INFO it reports what load distorts least: the CPU time (user + system) the process had used
 * when its INFO was read, and its resident memory a second after that, in all and its anonymous part (both from
 * {@code /proc}, Linux only).
 */
public final class StartupTime {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;
    private static final long SETTLE_MILLIS = 1_000;

    private StartupTime() {
    }

    /**
     * One start: time until the port took a connection, until that connection read INFO, and until it read the
     * PONG to its CONNECT and PING (the server at work: Natrium greets before it is wired), CPU used by each,
     * resident memory after settling (-1 when unknown).
     */
    record Start(long connectMillis, long connectCpuMillis, long millis, long cpuMillis, long pongMillis,
            long pongCpuMillis, long rssKib, long anonymousKib) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<List<String>> commands = commands(args.length > 1 ? List.of(args).subList(1, args.length) : List.of());
        List<List<Start>> results = new ArrayList<>();
        for (List<String> command : commands) {
            time(command); // the first start may build an archive
            results.add(new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (int c = 0; c < commands.size(); c++) {
                results.get(c).add(time(commands.get(c)));
            }
        }
        for (int c = 0; c < commands.size(); c++) {
            System.out.println(describe(commands.get(c), results.get(c)));
        }
        System.out.println("load average: " + loadAverage());
    }

    private static List<List<String>> commands(List<String> args) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        commands.add(current);
        commands.replaceAll(command -> command.isEmpty() ? List.of(LoadOptions.defaultNatrium().toString())
                : command);
        return commands;
    }

    static String describe(List<String> command, List<Start> starts) {
        List<Long> connect = sorted(starts, Start::connectMillis);
        List<Long> connectCpu = sorted(starts, Start::connectCpuMillis);
        List<Long> millis = sorted(starts, Start::millis);
        List<Long> cpu = sorted(starts, Start::cpuMillis);
        List<Long> rss = sorted(starts, Start::rssKib);
        List<Long> anonymous = sorted(starts, Start::anonymousKib);
        List<Long> pong = sorted(starts, Start::pongMillis);
        List<Long> pongCpu = sorted(starts, Start::pongCpuMillis);
        return String.format(Locale.ROOT, "%s%n  to INFO: %s ms; median %d, p90 %d, max %d ms%n"
                + "  port open: median %d ms, max %d ms; CPU by then: median %d ms%n"
                + "  CPU by INFO: median %d ms [%d-%d]; RSS after %d ms: median %.1f MiB [%.1f-%.1f], "
                + "anonymous %.1f MiB%n"
                + "  to PONG: median %d, p90 %d ms; CPU by PONG: median %d ms [%d-%d]",
                String.join(" ", command), millis, median(millis), percentile(millis, 0.9),
                millis.get(millis.size() - 1), median(connect), connect.get(connect.size() - 1), median(connectCpu),
                median(cpu), cpu.get(0), cpu.get(cpu.size() - 1), SETTLE_MILLIS,
                median(rss) / 1024.0, rss.get(0) / 1024.0, rss.get(rss.size() - 1) / 1024.0,
                median(anonymous) / 1024.0,
                median(pong), percentile(pong, 0.9), median(pongCpu), pongCpu.get(0), pongCpu.get(pongCpu.size() - 1));
    }

    private static List<Long> sorted(List<Start> starts, java.util.function.ToLongFunction<Start> value) {
        List<Long> values = new ArrayList<>();
        starts.forEach(start -> values.add(value.applyAsLong(start)));
        values.sort(Long::compare);
        return values;
    }

    private static long median(List<Long> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** Starts the command once, times the first INFO, and stops it. */
    private static Start time(List<String> command) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-a", IoLoop.HOST, "-p", Integer.toString(port)));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (System.nanoTime() - start < GIVE_UP_NANOS && process.isAlive()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(IoLoop.HOST, port), 200);
                    long connected = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    long connectedCpu = cpuMillis(process.pid());
                    // As a client does: once connected, wait for INFO.
                    socket.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(GIVE_UP_NANOS));
                    InputStream in = socket.getInputStream();
                    if (new String(in.readNBytes(4), US_ASCII).equals("INFO")) {
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        long cpu = cpuMillis(process.pid());
                        socket.getOutputStream().write("CONNECT {\"verbose\":false}\r\nPING\r\n".getBytes(US_ASCII));
                        skipPast(in, "PONG\r\n");
                        long pongMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        long pongCpu = cpuMillis(process.pid());
                        TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
                        return new Start(connected, connectedCpu, millis, cpu, pongMillis, pongCpu,
                                statusKib(process.pid(), "VmRSS:"), statusKib(process.pid(), "RssAnon:"));
                    }
                } catch (IOException notYet) {
                    // refused: not listening yet
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
            throw new IOException(full + " did not answer");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** Reads until {@code end} has been read. */
    private static void skipPast(InputStream in, String end) throws IOException {
        StringBuilder seen = new StringBuilder();
        int b;
        while (seen.indexOf(end) < 0) {
            b = in.read();
            if (b < 0) {
                throw new IOException("closed before " + end.trim() + ": " + seen);
            }
            seen.append((char) b);
        }
    }

    /** User + system CPU of the process (all its threads, also those that ended), or -1. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name in parentheses may hold spaces; the fields after it are plain.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * A size in KiB from {@code /proc/<pid>/status}, or -1: {@code VmRSS:} the resident set, {@code RssAnon:} its
     * anonymous part (heap, metaspace, code, stacks, malloc; the rest is file pages: the JVM, archives, libraries).
     */
    static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
