package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * Signals to a server started as test suites and scripts start nats-server, a background job of a non-interactive
 * shell, which starts with SIGINT ignored (issue 20): nats-server and Natrium's launcher, each held to what
 * nats-server 2.9.10 does. The Natrium jar run directly is {@link JavaJarSignalsIT}'s.
 */
class BackgroundJobSignalsIT {

    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(20);
    private static final int SIGHUP = 1;
    private static final int SIGINT = 2;

    @TempDir
    Path dir;

    /** A server to start: nats-server when installed, and Natrium through its launcher. */
    record Server(String name, Optional<Path> executable) {

        @Override
        public String toString() {
            return name;
        }

        List<String> command(int port, String... arguments) {
            ExternalTools.requireOrAssume(executable.isPresent(), name + " is not installed");
            List<String> command = new ArrayList<>(
                    List.of(executable.get().toString(), "-a", "127.0.0.1", "-p", Integer.toString(port)));
            command.addAll(List.of(arguments));
            return command;
        }
    }

    /** The reference when present; its absence skips (or, when required, fails) only the nats-server cases. */
    private static Optional<Path> referenceOrNone() {
        try {
            return Optional.of(ExternalTools.natsServer());
        } catch (TestAbortedException absent) {
            return Optional.empty();
        }
    }

    static Stream<Server> servers() {
        return Stream.of(new Server("nats-server", referenceOrNone()),
                new Server("natrium", Optional.of(ServerProcess.natriumLauncher())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void sigintStopsTheJobWithExitStatusZero(Server server) throws Exception {
        try (ShellJob job = startReady(server)) {
            assertThat(job.jobsStartIgnoring(SIGINT)).as("a background job starts with SIGINT ignored").isTrue();

            job.signal("INT");

            assertThat(job.awaitExit(EXIT)).as(job.log()).isEqualTo(OptionalInt.of(0));
            assertThat(job.log()).contains("[INF] Initiating Shutdown...", "[INF] Server Exiting..");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void sigtermStopsTheJobWithExitStatusOne(Server server) throws Exception {
        try (ShellJob job = startReady(server)) {
            job.signal("TERM");

            assertThat(job.awaitExit(EXIT)).as(job.log()).isEqualTo(OptionalInt.of(1));
            assertThat(job.log()).contains("[INF] Initiating Shutdown...", "[INF] Server Exiting..");
        }
    }

    /**
     * SIGHUP reloads even when the job started with it ignored too (as under nohup), SIGUSR1 reopens the log file,
     * SIGUSR2 enters lame-duck mode, which ends, without clients, in a shutdown and exit status 0.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void sighupSigusr1AndSigusr2ActInAJobStartedWithThemIgnored(Server server) throws Exception {
        Path config = dir.resolve("server.conf");
        Path log = dir.resolve("server.log");
        Files.writeString(config, "debug: false\n");
        try (ShellJob job = ShellJob.start("trap '' HUP USR1 USR2",
                server.command(ServerProcess.freePort(), "-c", config.toString(), "-l", log.toString()),
                dir.resolve("output"), Map.of())) {
            assertThat(job.jobsStartIgnoring(SIGHUP)).as("the job starts with SIGHUP ignored").isTrue();
            assertThat(job.awaitLog(log, "Server is ready", READY)).as(Files.readString(log)).isTrue();

            Files.writeString(config, "debug: true\n");
            job.signal("HUP");
            assertThat(job.awaitLog(log, "[INF] Reloaded server configuration", EXIT)).isTrue();

            Path rotated = dir.resolve("server.log.1");
            Files.move(log, rotated);
            job.signal("USR1");
            assertThat(job.awaitLog(log, "[INF] File log re-opened", EXIT)).isTrue();
            assertThat(Files.readString(rotated)).contains("[DBG] Trapped \"user defined signal 1\" signal");

            job.signal("USR2");
            assertThat(job.awaitExit(EXIT)).as(Files.readString(log)).isEqualTo(OptionalInt.of(0));
            assertThat(Files.readString(log)).contains("[DBG] Trapped \"user defined signal 2\" signal",
                    "[INF] Entering lame duck mode, stop accepting new clients", "[INF] Server Exiting..");
        }
    }

    private ShellJob startReady(Server server) throws Exception {
        ShellJob job = ShellJob.start("", server.command(ServerProcess.freePort()), dir.resolve(server.name() + ".log"),
                Map.of());
        if (!job.awaitLog("Server is ready", READY)) {
            job.close();
            throw new IllegalStateException(server + " did not start:\n" + job.log());
        }
        return job;
    }
}
