package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Natrium jar run directly, {@code java -jar natrium.jar}, without the launcher's help: the JVM suspends threads
 * with SIGUSR2 (issue 10, defect 3), and Java 17 to 21 cannot take back a SIGINT inherited ignored (issue 20). Run
 * on the tests' own Java and on a Java 22 or newer when one is installed, as a background job of a shell.
 */
class JavaJarSignalsIT {

    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(20);
    /** Where the foreign function API lets the server reset an inherited "ignored". */
    private static final int RESETTING_RUNTIME = 22;

    @TempDir
    Path dir;

    static Stream<JavaRuntime> runtimes() {
        return JavaRuntime.currentAndOneFrom(RESETTING_RUNTIME).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void sigusr2NeitherCrashesNorStopsTheServerAndSignalLdmStillEntersLameDuckMode(JavaRuntime runtime)
            throws Exception {
        Path pidFile = dir.resolve("server.pid");
        int port = ServerProcess.freePort();
        try (ShellJob job = startReady(runtime, port, "-P", pidFile.toString(), "-D")) {
            job.signal("USR2");

            // Java 17 crashed at once in the JVM's own SIGUSR2 handler, writing an hs_err file and exiting 134.
            try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", port)) {
                client.send("PING\r\n").expect("PONG\r\n");
            }
            assertThat(job.isAlive()).isTrue();
            assertThat(crashReports()).isEmpty();
            assertThat(job.log()).doesNotContain("Entering lame duck mode")
                    .contains("[DBG] Lame duck mode by SIGUSR2 is unavailable: this JVM suspends threads with SIGUSR2");

            Process ldm = new ProcessBuilder(runtime.java().toString(), "-jar", JavaRuntime.natriumJar().toString(),
                    "--signal", "ldm=" + pidFile).redirectErrorStream(true).start();
            String output = new String(ldm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ldm.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ldm.exitValue()).as(output).isZero();

            assertThat(job.awaitExit(EXIT)).as(job.log()).isEqualTo(OptionalInt.of(0));
            assertThat(job.log()).contains("[INF] Entering lame duck mode, stop accepting new clients",
                    "[INF] Server Exiting..");
            assertThat(crashReports()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void aSigintInheritedIgnoredStopsTheServerFromJava22OnAndIsReportedAtStartBefore(JavaRuntime runtime)
            throws Exception {
        try (ShellJob job = startReady(runtime, ServerProcess.freePort())) {
            assertThat(job.jobsStartIgnoring(2)).as("a background job starts with SIGINT ignored").isTrue();

            if (runtime.feature() >= RESETTING_RUNTIME) {
                assertThat(job.log()).doesNotContain("SIGINT is not handled");
                job.signal("INT");
                assertThat(job.awaitExit(EXIT)).as(job.log()).isEqualTo(OptionalInt.of(0));
            } else {
                assertThat(job.log()).contains("[WRN] SIGINT is not handled: it was ignored when the server was "
                        + "started, and Java " + runtime.feature() + " cannot take it back (start through the natrium "
                        + "launcher, or on Java 22 or newer)");
                job.signal("TERM");
                assertThat(job.awaitExit(EXIT)).as(job.log()).isEqualTo(OptionalInt.of(1));
            }
            // Java 22 and newer warn about the foreign call unless the jar's manifest enables native access.
            assertThat(job.log()).contains("[INF] Server Exiting..").doesNotContain("restricted method");
        }
    }

    private ShellJob startReady(JavaRuntime runtime, int port, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(runtime.java().toString(),
                "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"), "-jar", JavaRuntime.natriumJar().toString(),
                "-a", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(arguments));
        // No _JAVA_SR_SIGNUM: the JVM keeps SIGUSR2 for itself, as it does for anyone who runs the jar.
        ShellJob job = ShellJob.start("unset _JAVA_SR_SIGNUM", command, dir.resolve("server.log"), Map.of());
        if (!job.awaitLog("Server is ready", READY)) {
            job.close();
            throw new IllegalStateException(runtime + " did not start the server:\n" + job.log());
        }
        return job;
    }

    private List<Path> crashReports() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("hs_err")).toList();
        }
    }
}
