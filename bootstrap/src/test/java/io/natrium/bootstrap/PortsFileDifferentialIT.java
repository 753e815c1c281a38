package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ports file that cannot be written does not stop nats-server 2.9.10 or Natrium: both log the same error when they
 * are ready and another when they try to remove it at exit.
 */
class PortsFileDifferentialIT {

    @TempDir
    Path directory;

    @Test
    void aPortsFileThatCannotBeWrittenIsLoggedAndTheServerRuns() throws Exception {
        Path missing = directory.resolve("missing");
        List<List<String>> errors = new ArrayList<>();
        for (Path executable : List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher())) {
            Process process = new ProcessBuilder(executable.toString(), "-a", "127.0.0.1", "-p",
                    Integer.toString(ServerProcess.freePort()), "--ports_file_dir", missing.toString())
                    .redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                boolean interrupted = false;
                while ((line = output.readLine()) != null) {
                    lines.add(line);
                    if (!interrupted && line.contains("[ERR] Error writing ports file")) {
                        interrupted = true;
                        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                    }
                }
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s exits", executable).isTrue();
            assertThat(process.exitValue()).as("%s: %s", executable, lines).isZero();
            assertThat(lines).as("%s", executable).anyMatch(line -> line.endsWith("[INF] Server is ready"));
            String file = missing.resolve("nats-server_" + process.pid() + ".ports").toString();
            errors.add(lines.stream().filter(line -> line.contains("[ERR] "))
                    .map(line -> line.substring(line.indexOf("[ERR] ")).replace(file, "<file>")).toList());
        }
        assertThat(errors.get(0)).containsExactly(
                "[ERR] Error writing ports file (<file>): open <file>: no such file or directory",
                "[ERR] Error cleaning up ports file <file>: remove <file>: no such file or directory");
        assertThat(errors.get(1)).as("Natrium's errors").isEqualTo(errors.get(0));
    }
}
