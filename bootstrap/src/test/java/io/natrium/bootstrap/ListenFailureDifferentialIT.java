package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port that is already taken stops the start of nats-server 2.9.10 and of Natrium with the same fatal line (Go's
 * {@code net.Listen} error inside the sentence of the listener that failed) and exit status 1, for each listener; so
 * does a PID file that cannot be written.
 */
class ListenFailureDifferentialIT {

    private static final String LOCALHOST = "127.0.0.1";

    @TempDir
    Path directory;

    @Test
    void aTakenClientPortStopsBothWithTheSameFatalLine() throws Exception {
        try (ServerSocket taken = takenPort()) {
            int port = taken.getLocalPort();

            String line = assertBothStopWithTheSameFatalLine(List.of("-a", LOCALHOST, "-p", Integer.toString(port)));

            assertThat(line).isEqualTo("[FTL] Error listening on port: 127.0.0.1:" + port + ", \"listen tcp 127.0.0.1:"
                    + port + ": bind: address already in use\"");
        }
    }

    @Test
    void aTakenMonitoringPortStopsBothWithTheSameFatalLine() throws Exception {
        try (ServerSocket taken = takenPort()) {
            int port = taken.getLocalPort();

            String line = assertBothStopWithTheSameFatalLine(configuration("monitor", "http: \"127.0.0.1:" + port
                    + "\"\n"));

            assertThat(line).isEqualTo("[FTL] Can't start monitoring: can't listen to the monitor port: listen tcp "
                    + "127.0.0.1:" + port + ": bind: address already in use");
        }
    }

    @Test
    void aTakenWebsocketPortStopsBothWithTheSameFatalLine() throws Exception {
        try (ServerSocket taken = takenPort()) {
            int port = taken.getLocalPort();

            String line = assertBothStopWithTheSameFatalLine(configuration("websocket", "websocket { host: "
                    + LOCALHOST + ", port: " + port + ", no_tls: true }\n"));

            assertThat(line).isEqualTo("[FTL] Unable to listen for websocket connections: listen tcp 127.0.0.1:"
                    + port + ": bind: address already in use");
        }
    }

    @Test
    void aTakenMqttPortStopsBothWithTheSameFatalLine() throws Exception {
        try (ServerSocket taken = takenPort()) {
            int port = taken.getLocalPort();
            Path store = Files.createDirectories(directory.resolve("store"));

            // nats-server's MQTT needs JetStream and a server name; Natrium warns that jetstream is out of its scope.
            String line = assertBothStopWithTheSameFatalLine(configuration("mqtt", "server_name: taken_mqtt\n"
                    + "jetstream { store_dir: \"" + store + "\" }\nmqtt { host: " + LOCALHOST + ", port: " + port
                    + " }\n"));

            assertThat(line).isEqualTo("[FTL] Unable to listen for MQTT connections: listen tcp 127.0.0.1:" + port
                    + ": bind: address already in use");
        }
    }

    @Test
    void aPidFileThatCannotBeWrittenStopsBothWithTheSameFatalLine() throws Exception {
        Path pidFile = directory.resolve("missing").resolve("nats.pid");

        String line = assertBothStopWithTheSameFatalLine(List.of("-a", LOCALHOST, "-p",
                Integer.toString(ServerProcess.freePort()), "-P", pidFile.toString()));

        assertThat(line).isEqualTo("[FTL] Could not write pidfile: open " + pidFile + ": no such file or directory");
    }

    /** Starts both servers with {@code arguments}; returns the fatal line they both ended with. */
    private static String assertBothStopWithTheSameFatalLine(List<String> arguments) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path executable : List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher())) {
            List<String> command = new ArrayList<>(List.of(executable.toString()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s exits", executable).isTrue();

            assertThat(process.exitValue()).as("%s: %s", executable, output).isEqualTo(1);
            assertThat(output).as("%s", executable).doesNotContain("Server is ready");
            List<String> fatal = output.lines().filter(line -> line.contains("[FTL] ")).toList();
            assertThat(fatal).as("%s: %s", executable, output).hasSize(1);
            lines.add(fatal.get(0).substring(fatal.get(0).indexOf("[FTL] ")));
        }
        assertThat(lines.get(1)).as("Natrium's fatal line").isEqualTo(lines.get(0));
        return lines.get(0);
    }

    private List<String> configuration(String name, String text) throws IOException {
        Path file = Files.writeString(directory.resolve(name + ".conf"), "listen: \"127.0.0.1:"
                + ServerProcess.freePort() + "\"\n" + text);
        return List.of("-c", file.toString());
    }

    private static ServerSocket takenPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName(LOCALHOST));
    }
}
