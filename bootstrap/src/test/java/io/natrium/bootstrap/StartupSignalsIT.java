package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop signal while the server is still starting (issue 10, defect 6): the JVM's own handler exited 143 there.
 * nats-server handles its signals within milliseconds of starting and exits 1 on SIGTERM from then on
 * ({@link BackgroundJobSignalsIT}); Natrium handles them before its slow wiring, and exits 1 too.
 */
class StartupSignalsIT {

    private static final int SIGUSR2 = 12;

    @TempDir
    Path dir;

    @Test
    void sigtermWhileTheServerIsStartingExitsOneAndLeavesNoPidFile() throws Exception {
        Path pidFile = dir.resolve("server.pid");
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(ServerProcess.natriumLauncher().toString(), "-a", "127.0.0.1", "-p",
                Integer.toString(ServerProcess.freePort()), "-P", pidFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // The launcher moves the JVM's suspend signal away from SIGUSR2, so SIGUSR2 is caught only once the
            // server's handlers are in place; they are installed together, before anything slow.
            assertThat(awaitCaught(server.pid(), SIGUSR2)).as(Files.readString(log)).isTrue();

            server.destroy();

            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).as(Files.readString(log)).isEqualTo(1);
            assertThat(pidFile).doesNotExist();
        } finally {
            server.destroyForcibly();
        }
    }

    /** Whether the process comes to catch {@code signal}, from its SigCgt in /proc, within a minute. */
    private static boolean awaitCaught(long pid, int signal) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (caught(pid, signal)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
        return false;
    }

    private static boolean caught(long pid, int signal) {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String line : status) {
                if (line.startsWith("SigCgt:")) {
                    long mask = Long.parseUnsignedLong(line.substring("SigCgt:".length()).trim(), 16);
                    return (mask & (1L << (signal - 1))) != 0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // not started yet, or gone
        }
        return false;
    }
}
