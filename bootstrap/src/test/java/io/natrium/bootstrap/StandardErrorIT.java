package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard error carries nats-server's log lines and nothing else, start after start (issue 10, defect 6: SLF4J's
 * initialisation warnings came in 7 of 40 starts).
 */
class StandardErrorIT {

    private static final Pattern LOG_LINE = Pattern.compile(
            "\\[\\d+] \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6} \\[(INF|WRN|ERR|DBG|TRC|FTL)] .*");
    private static final int STARTS = 5;

    @TempDir
    Path dir;

    @Test
    void natsServerWritesOnlyLogLinesToStandardError() throws Exception {
        Path natsServer = ExternalTools.natsServer();

        assertThat(standardErrorOfOneRun(natsServer)).isNotEmpty()
                .allMatch(line -> LOG_LINE.matcher(line).matches());
    }

    @Test
    void natriumWritesOnlyLogLinesToStandardErrorAtEveryStart() throws Exception {
        for (int start = 0; start < STARTS; start++) {
            List<String> lines = standardErrorOfOneRun(ServerProcess.natriumLauncher());

            assertThat(lines).as("start %d", start).isNotEmpty().allMatch(line -> LOG_LINE.matcher(line).matches());
        }
    }

    /** Starts the server with -D (more is logged while it starts), stops it once ready, returns its stderr. */
    private List<String> standardErrorOfOneRun(Path executable) throws Exception {
        Path err = Files.createTempFile(dir, "stderr", ".log");
        Process server = new ProcessBuilder(executable.toString(), "-a", "127.0.0.1", "-p",
                Integer.toString(ServerProcess.freePort()), "-D")
                .redirectOutput(dir.resolve("stdout.log").toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(err).contains("Server is ready") && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(Files.readString(err)).contains("Server is ready");
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(dir.resolve("stdout.log")).isEmptyFile();
            return Files.readAllLines(err);
        } finally {
            server.destroyForcibly();
        }
    }
}
