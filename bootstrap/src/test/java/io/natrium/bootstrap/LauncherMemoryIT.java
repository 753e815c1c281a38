package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ServerProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's memory defaults: with a container's memory limit and no memory option, direct memory (where
 * messages wait for clients) gets 40% of the limit; without a limit, a server's sizes (8 MiB of heap to start, at
 * most 1 GiB of heap and 1 GiB of direct memory) rather than the JVM's share of the machine; a memory option of the
 * user's leaves all sizes to the user. The container is a stand-in cgroup directory; what the JVM was given is read from its command line.
 */
class LauncherMemoryIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final long ONE_GIB = 1L << 30;

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
