package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's memory defaults: with a container's memory limit and no memory option, direct memory (where
 * messages wait for clients) gets 40% of the limit; without a limit, a server's sizes (8 MiB of heap to start, at
 * most 1 GiB of heap and 1 GiB of direct memory) rather than the JVM's share of the machine; a memory option of the
 * user's leaves all sizes to the user; an idle server stays under a bound of resident memory. The container is a
 * stand-in cgroup directory; what the JVM was given is read from its command line.
 */
class LauncherMemoryIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final long ONE_GIB = 1L << 30;
    /** 70 MiB: the 64 MiB target with room for another JDK build's libraries and archive layout. */
    private static final long IDLE_RESIDENT_BOUND_KIB = 70 * 1024;
    /** How long an idle server may take to give back what its start used (glibc is trimmed every 5 s). */
    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** The training gives up after 2 minutes; the archive's dump and the probes come on top, on a busy machine. */
    private static final Duration PREPARE = Duration.ofSeconds(300);

    @TempDir
    Path cgroup;

    @Test
    void aContainerLimitGivesDirectMemoryFortyPercentOfIt() throws Exception {
        Files.writeString(cgroup.resolve("memory.max"), ONE_GIB + "\n");

        assertThat(jvmOptions(Map.of())).contains("-XX:MaxDirectMemorySize=" + ONE_GIB / 5 * 2);
    }

    @Test
    void aMemoryOptionOfTheUsersLeavesItAlone() throws Exception {
        Files.writeString(cgroup.resolve("memory.max"), ONE_GIB + "\n");

        assertThat(jvmOptions(Map.of("NATRIUM_JAVA_OPTS", "-Xmx200m"))).contains("-Xmx200m")
                .noneMatch(option -> option.startsWith("-XX:MaxDirectMemorySize"));
    }

    @Test
    void noLimitGivesAServersDefaultsRatherThanAShareOfTheMachine() throws Exception {
        Files.createDirectories(cgroup.resolve("memory"));
        // cgroup v1 says "no limit" with a number near 2^63.
        Files.writeString(cgroup.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n");

        assertThat(jvmOptions(Map.of())).contains("-Xms8m", "-Xmx1g", "-XX:MaxDirectMemorySize=1g");
    }

    @Test
    void anyHeapOptionOfTheUsersLeavesAllSizesAlone() throws Exception {
        assertThat(jvmOptions(Map.of("NATRIUM_JAVA_OPTS", "-Xms64m"))).contains("-Xms64m")
                .noneMatch(option -> option.startsWith("-XX:MaxDirectMemorySize") || option.equals("-Xmx1g")
                        || option.equals("-Xms8m"));
    }

    /**
     * A regression guard on memory at rest, not the target's measure (docs/benchmarks.md, "Memory at rest": 62.5-63
     * MiB measured, 76-78 MiB before the static archive, the serial collector, the 8 MiB first heap and the trimming):
     * an idle server that has served a client settles under {@link #IDLE_RESIDENT_BOUND_KIB}. Resident memory
     * hardly depends on the machine's load; the wait for it to settle does, hence the long bound on that wait.
     */
    @Test
    void anIdleServerSettlesUnderItsResidentMemoryBound() throws Exception {
        Path launcher = ServerProcess.natriumLauncher();
        // The archive first: a start while it is being made runs without it.
        Process prepare = new ProcessBuilder(launcher.toString(), "--natrium-prepare").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(prepare.waitFor(PREPARE.toSeconds(), TimeUnit.SECONDS)).as("archive made").isTrue();
        } finally {
            prepare.destroy();
        }
        try (ServerProcess server = ServerProcess.start(launcher, List.of(), START);
                RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            client.send("CONNECT {\"verbose\":false}\r\nPING\r\n");
            assertThat(client.drainThrough(Pattern.compile("PONG\r\n"), START)).isEqualTo("PONG\r\n");
            long pid = server.process().pid();
            List<Long> seen = new ArrayList<>();
            long deadline = System.nanoTime() + SETTLE.toNanos();
            do {
                seen.add(residentKib(pid));
                if (seen.get(seen.size() - 1) <= IDLE_RESIDENT_BOUND_KIB) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(500);
            } while (System.nanoTime() < deadline);

            assertThat(seen.get(seen.size() - 1)).as("resident KiB, sampled every 0.5 s: %s", seen)
                    .isLessThanOrEqualTo(IDLE_RESIDENT_BOUND_KIB);
        }
    }

    private static long residentKib(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** Starts the launcher with the stand-in cgroup and {@code environment}; returns the JVM's arguments. */
    private List<String> jvmOptions(Map<String, String> environment) throws Exception {
        Map<String, String> all = new HashMap<>(environment);
        all.put("NATRIUM_CGROUP_ROOT", cgroup.toString());
        try (ServerProcess server = ServerProcess.start(ServerProcess.natriumLauncher(), List.of(), all, START)) {
            // The launcher execs the JVM: the process is the JVM.
            byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(server.process().pid()),
                    "cmdline"));
            return Arrays.asList(new String(commandLine, StandardCharsets.UTF_8).split("\0"));
        }
    }
}
