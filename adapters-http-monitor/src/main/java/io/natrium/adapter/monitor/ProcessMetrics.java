package io.natrium.adapter.monitor;

import io.natrium.application.port.out.ProcessUsage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process's resident memory and CPU use, as nats-server's {@code pse} package reports them: memory in bytes
 * (VmRSS from {@code /proc/self/status}, or the JVM's committed heap where there is no /proc), CPU as a percentage
 * of one core with one decimal, averaged over at least the last second.
 */
final class ProcessMetrics implements ProcessUsage {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long SAMPLE_NANOS = Duration.ofSeconds(1).toNanos();

    private long lastWallNanos = System.nanoTime();
    private long lastCpuNanos = cpuNanos();
    private double percent;

    @Override
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(fields[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux): fall back to what the JVM has committed.
        }
        return Runtime.getRuntime().totalMemory();
    }

    @Override
    public synchronized double cpuPercent() {
        long wall = System.nanoTime();
        long elapsed = wall - lastWallNanos;
        if (elapsed >= SAMPLE_NANOS) {
            long cpu = cpuNanos();
            long permille = (cpu - lastCpuNanos) * 1000 / elapsed;
            percent = permille / 10.0;
            lastWallNanos = wall;
            lastCpuNanos = cpu;
        }
        return percent;
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
