package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats.NatsServerRunner;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Natrium as client libraries' test suites start nats-server: {@code ./natrium install DIR} puts a {@code nats-server}
 * in DIR, and {@code io.nats:jnats-server-runner} starts it with its own defaults (it checks the process is alive
 * after 100 ms, then connects, sends CONNECT and reads INFO, a few times 50 ms apart; a refused connection there fails
 * the start). Every start must be answered, also with the machine's CPUs busy. No time is measured here: the runner's
 * own window is the bound.
 */
class NatsServerRunnerIT {

    private static final int STARTS = 20;

    @TempDir
    static Path bin;

    private static Path natsServer;

    @BeforeAll
    static void install() throws Exception {
        Path launcher = ServerProcess.natriumLauncher();
        Process install = new ProcessBuilder(launcher.toString(), "install", bin.toString()).redirectErrorStream(true)
                .start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(install.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(install.exitValue()).as(output).isZero();
        natsServer = bin.resolve("nats-server");
        assertThat(natsServer).isExecutable();
        assertThat(Files.readSymbolicLink(natsServer)).isEqualTo(launcher.toRealPath());
        NatsServerRunner.setDefaultOutputLevel(Level.WARNING);
    }

    /** A runner whose probe fails does not stop the server it started (nats-server's too): this test does. */
    @AfterEach
    void stopWhatTheRunnerLeftBehind() {
        ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().map(line -> line.contains("natrium")).orElse(false))
                .forEach(ProcessHandle::destroy);
    }

    @Test
    void everyStartInARowIsAnsweredWithinTheRunnersDefaultWindow() throws Exception {
        for (int start = 0; start < STARTS; start++) {
            assumeMachineNotOverloaded();
            answersThroughTheRunner("start " + start);
        }
    }

    @Test
    void aStartBesideOneBusyThreadPerCpuIsAnswered() throws Exception {
        assumeMachineNotOverloaded();
        AtomicBoolean busy = new AtomicBoolean(true);
        List<Thread> hogs = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread hog = new Thread(() -> {
                long spin = 0;
                while (busy.get()) {
                    spin++;
                }
                assertThat(spin).isNotNegative();
            }, "cpu-hog-" + i);
            hog.setDaemon(true);
            hog.start();
            hogs.add(hog);
        }
        try {
            answersThroughTheRunner("under load");
        } finally {
            busy.set(false);
            for (Thread hog : hogs) {
                hog.join();
            }
        }
    }

    /**
     * The runner's window is about 300 ms from exec to the port taking connections; with more than three runnable
     * processes per CPU from elsewhere no JVM gets that far in time (a JVM printing "hi" took over a second there), and
     * a refusal would say nothing about Natrium. The CPU load the test makes itself is not counted: it starts after.
     */
    private static void assumeMachineNotOverloaded() throws Exception {
        String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
        double oneMinute = Double.parseDouble(load[0]);
        int cpus = Runtime.getRuntime().availableProcessors();
        assumeTrue(oneMinute <= 3.0 * cpus, "load average " + oneMinute + " on " + cpus
                + " CPUs: too busy to judge the runner's 300 ms window");
    }

    /** The runner starts the server (and fails if its probe is refused); then a client is served by it. */
    private static void answersThroughTheRunner(String what) throws Exception {
        try (NatsServerRunner runner = NatsServerRunner.builder().executablePath(natsServer)
                .fullErrorReportOnStartup(true).build();
                RawClient client = RawClient.connectAndReadInfo("127.0.0.1", runner.getPort())) {
            client.send("CONNECT {\"verbose\":false}\r\nPING\r\n").expect("PONG\r\n");
            assertThat(runner.getPort()).as(what).isPositive();
        }
    }
}
