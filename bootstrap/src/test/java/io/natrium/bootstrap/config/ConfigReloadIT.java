package io.natrium.bootstrap.config;

import static io.natrium.bootstrap.config.LaunchedServer.awaitLog;
import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reload on the real launcher: by SIGHUP and by {@code --signal reload=<pidfile>}; reloadable changes apply while
 * a client stays connected and keeps receiving; a change that needs a restart is refused and the server keeps
 * serving with the old settings.
 */
class ConfigReloadIT {

    @TempDir
    Path dir;

    @Test
    void reloadsLimitsAndLoggingWhileAClientStaysConnected() throws Exception {
        Path pidFile = dir.resolve("natrium.pid");
        Path config = write("config.conf", "max_payload: 2048\npid_file: \"" + pidFile + "\"\n");
        try (ServerProcess server = LaunchedServer.start(config);
                Connection nats = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + server.port())
                        .build())) {
            assertThat(nats.getServerInfo().getMaxPayload()).isEqualTo(2048);
            Subscription subscription = nats.subscribe("updates");
            assertThat(LaunchedServer.await(() -> Files.exists(pidFile))).isTrue();

            write("config.conf", "max_payload: 4096\ndebug: true\npid_file: \"" + pidFile + "\"\n");
            LaunchedServer.Run signal = LaunchedServer.run("--signal", "reload=" + pidFile);

            assertThat(signal.exitCode()).as(signal.output()).isZero();
            assertThat(awaitLog(server, "Reloaded server configuration")).isTrue();
            assertThat(Files.readString(server.log())).contains("Reloaded: max_payload = 4096");
            try (RawClient fresh = RawClient.connect("127.0.0.1", server.port())) {
                assertThat(fresh.expectPattern(RawClient.INFO).group()).contains("\"max_payload\":4096");
            }
            nats.publish("updates", "still here".getBytes(StandardCharsets.UTF_8));
            Message message = subscription.nextMessage(Duration.ofSeconds(5));
            assertThat(message).isNotNull();
            assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("still here");
            assertThat(nats.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
    }

    @Test
    void refusesAChangeThatNeedsARestartAndKeepsServing() throws Exception {
        Path config = write("config.conf", "server_name: alpha\n");
        try (ServerProcess server = LaunchedServer.start(config);
                RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            client.send("CONNECT {\"verbose\":false}\r\nSUB a 1\r\nPING\r\n").expect("PONG\r\n");

            write("config.conf", "server_name: beta\n");
            sighup(server);

            assertThat(awaitLog(server, "Failed to reload server configuration")).isTrue();
            assertThat(Files.readString(server.log())).contains("config reload not supported for", "alpha", "beta");
            client.send("PUB a 2\r\nok\r\nPING\r\n").expect("MSG a 1 2\r\nok\r\nPONG\r\n");
            try (RawClient fresh = RawClient.connect("127.0.0.1", server.port())) {
                assertThat(fresh.expectPattern(RawClient.INFO).group()).contains("\"server_name\":\"alpha\"");
            }
        }
    }

    @Test
    void refusesAReloadOfABrokenFileAndKeepsTheOldSettings() throws Exception {
        Path config = write("config.conf", "max_payload: 2048\n");
        try (ServerProcess server = LaunchedServer.start(config)) {
            write("config.conf", "max_payload: 4096\nbogus_key: 1\n");
            sighup(server);

            assertThat(awaitLog(server, "Failed to reload server configuration")).isTrue();
            assertThat(Files.readString(server.log())).contains("unknown field \"bogus_key\"");
            try (RawClient fresh = RawClient.connect("127.0.0.1", server.port())) {
                assertThat(fresh.expectPattern(RawClient.INFO).group()).contains("\"max_payload\":2048");
            }
        }
    }

    @Test
    void refusesAReloadThatNatsServerRefusesAndKeepsTheOldUsers() throws Exception {
        Path config = write("config.conf", "authorization { users: [ {user: \"a\", password: \"p\"} ] }\n");
        try (ServerProcess server = LaunchedServer.start(config)) {
            write("config.conf", "authorization { users: [ {user: \"\", password: \"p\"} ] }\n");
            sighup(server);

            assertThat(awaitLog(server, "Failed to reload server configuration")).isTrue();
            assertThat(Files.readString(server.log())).contains("User entry requires a user")
                    .doesNotContain("Exception", "\tat ");
            try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
                client.send("CONNECT {\"verbose\":false,\"user\":\"a\",\"pass\":\"p\"}\r\nPING\r\n")
                        .expect("PONG\r\n");
            }
        }
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static void sighup(ServerProcess server) throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(server.process().pid())).start();
        assertThat(kill.waitFor()).isZero();
    }
}
