package io.natrium.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The memory of a server process, as counts: its resident set from {@code /proc} (with its children's), and for a
 * JVM the live heap by class, from {@code jcmd GC.class_histogram}, which runs a full collection first so that only
 * what is reachable is counted.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Resident bytes of the process and its descendants ({@code VmRSS}); -1 when unreadable. */
    static long residentBytes(ProcessHandle process) {
        long total = resident(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            total += Math.max(0, resident(child.pid()));
        }
        return total;
    }

    private static long resident(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
        return -1;
    }

    /** Whether the process is a JVM that {@code jcmd} can reach. */
    static boolean isJvm(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
    }

    /**
     * Live heap bytes by class name after a full collection; the key {@code "Total"} holds the sum. Empty when
     * {@code jcmd} fails.
     */
    static Map<String, Long> liveHeapByClass(ProcessHandle process) throws InterruptedException {
        Map<String, Long> bytes = new HashMap<>();
        for (String line : jcmd(process, "GC.class_histogram")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                bytes.merge(fields[3], Long.parseLong(fields[2]), Long::sum);
            } else if (fields.length == 3 && fields[0].equals("Total")) {
                bytes.put("Total", Long.parseLong(fields[2]));
            }
        }
        return bytes;
    }

    private static List<String> jcmd(ProcessHandle process, String command) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                    .redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
                System.err.println("jcmd " + command + " failed: " + output);
                return List.of();
            }
            return output.lines().toList();
        } catch (IOException e) {
            System.err.println("jcmd " + command + " failed: " + e);
            return List.of();
        }
    }
}
