package io.natrium.benchmarks.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The voluntary context switches of this JVM's threads, from Linux's {@code /proc/self/task}: a thread switches
 * voluntarily each time it blocks, so over many round trips the switches per round trip count the hand-offs between
 * threads (every hand-off parks the thread that hands over, or the one waiting for it, once). Empty elsewhere.
 */
final class ThreadSwitches {

    private static final Path TASKS = Path.of("/proc/self/task");

    private final Map<String, Long> byThread;

    private ThreadSwitches(Map<String, Long> byThread) {
        this.byThread = byThread;
    }

    static ThreadSwitches now() {
        Map<String, Long> counts = new HashMap<>();
        if (Files.isDirectory(TASKS)) {
            try (Stream<Path> tasks = Files.list(TASKS)) {
                tasks.forEach(task -> read(task, counts));
            } catch (IOException e) {
                // A snapshot without the threads that could not be read: the deltas just miss them.
            }
        }
        return new ThreadSwitches(counts);
    }

    /** The switches of each thread (by name and id) since {@code earlier}, added into {@code into}. */
    void addSince(ThreadSwitches earlier, Map<String, Long> into) {
        byThread.forEach((thread, count) -> {
            long delta = count - earlier.byThread.getOrDefault(thread, 0L);
            if (delta > 0) {
                into.merge(thread, delta, Long::sum);
            }
        });
    }

    private static void read(Path task, Map<String, Long> counts) {
        try {
            String name = Files.readString(task.resolve("comm")).trim();
            for (String line : Files.readAllLines(task.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    long switches = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    counts.put(name + " #" + task.getFileName(), switches);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The thread ended while it was read.
        }
    }
}
