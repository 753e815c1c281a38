package io.natrium.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -t}: check a configuration file and exit, with nats-server's messages and exit codes. */
class ConfigCheckIT {

    @TempDir
    Path dir;

    @Test
    void reportsEveryErrorWithItsPositionAndExitsOne() throws Exception {
        Path config = dir.resolve("bad.conf");
        Files.writeString(config, "port: 4222\nfoo: bar\nmax_payload: \"abc\"\nlisten: \"x:y:z\"\n");

        LaunchedServer.Run check = LaunchedServer.run("-t", "-c", config.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output()).isEqualTo("nats-server: " + config + ":2:1: unknown field \"foo\"\n"
                + config + ":3:1: interface conversion: interface {} is string, not int64\n"
                + config + ":4:1: could not parse address string \"x:y:z\"\n\n");
    }

    @Test
    void saysAValidFileIsValidAndExitsZero() throws Exception {
        Path config = dir.resolve("good.conf");
        Files.writeString(config, "port: 4222\ncluster { port: 6222 }\n");

        LaunchedServer.Run check = LaunchedServer.run("-t", "-c", config.toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.output()).matches("(?s).*nats-server: configuration file " + config.toString()
                .replace(".", "\\.") + " is valid \\(sha256:[0-9a-f]{64}\\)\n");
    }

    @Test
    void failsTheCheckOnNatsServersConfigurationWarningsAsNatsServerDoes() throws Exception {
        Path config = dir.resolve("warned.conf");
        Files.writeString(config, "port: 4222\nping_interval: 30\ncluster { port: 6222 }\n");

        LaunchedServer.Run check = LaunchedServer.run("-t", "-c", config.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output()).isEqualTo("nats-server: " + config + ":2:1: invalid use of field \"ping_interval\": "
                + "ping_interval should be converted to a duration\n\n");
        // After Natrium's half: skipped without the reference, failed when it is required.
        Path natsServer = ExternalTools.natsServer();
        Process reference = new ProcessBuilder(natsServer.toString(), "-t", "-c", config.toString())
                .redirectErrorStream(true).start();
        String output = new String(reference.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reference.waitFor()).isEqualTo(1);
        assertThat(check.output()).isEqualTo(output);
    }

    @Test
    void startsDespiteConfigurationWarningsAfterPrintingThemAsNatsServerDoes() throws Exception {
        Path config = dir.resolve("warned.conf");
        Files.writeString(config, "port: 4222\nping_interval: 30\n");

        try (ServerProcess server = LaunchedServer.start(config)) {
            assertThat(Files.readAllLines(server.log()).get(0)).isEqualTo(config + ":2:1: invalid use of field "
                    + "\"ping_interval\": ping_interval should be converted to a duration");
        }
    }

    @Test
    void needsAConfigurationFile() throws Exception {
        LaunchedServer.Run check = LaunchedServer.run("-t");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output())
                .isEqualTo("nats-server: must specify [-c, --config] option to check configuration file syntax\n");
    }

    @Test
    void refusesToStartWithABrokenFile() throws Exception {
        Path config = dir.resolve("broken.conf");
        Files.writeString(config, "max_payload: 10MB\nmax_pending: 1MB\n");

        LaunchedServer.Run start = LaunchedServer.run("-c", config.toString());

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.output()).contains("max_payload (10485760) cannot be higher than max_pending (1048576)");
    }

    @Test
    void aFileThatCannotBeReadStopsTheStartAndTheCheckWithGosBareErrorAsNatsServerDoes() throws Exception {
        Path missing = dir.resolve("missing.conf");
        Path directory = Files.createDirectories(dir.resolve("a-directory.conf"));

        for (Path config : new Path[] {missing, directory}) {
            for (String[] arguments : new String[][] {{"-c", config.toString()}, {"-t", "-c", config.toString()}}) {
                LaunchedServer.Run natrium = LaunchedServer.run(arguments);
                List<String> command = new ArrayList<>(List.of(ExternalTools.natsServer().toString()));
                command.addAll(List.of(arguments));
                Process reference = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(reference.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(reference.waitFor()).isEqualTo(1);
                assertThat(natrium.exitCode()).isEqualTo(1);
                assertThat(natrium.output()).as("%s", String.join(" ", arguments)).isEqualTo(output)
                        .isEqualTo(config == missing ? "nats-server: open " + missing + ": no such file or directory\n"
                                : "nats-server: read " + directory + ": is a directory\n");
            }
        }
    }
}
