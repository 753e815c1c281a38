package io.natrium.bootstrap.config;

import static io.natrium.bootstrap.config.LaunchedServer.await;
import static io.natrium.bootstrap.config.LaunchedServer.awaitLog;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher's process files and signals, sent the way operators send them: {@code --signal ...=pidfile}. */
class ProcessSignalsIT {

    /**
     * An INFO, after the keep-alive's first PINGs (2 s after CONNECT) when the test is slower than that: on a busy
     * machine starting --signal's JVM alone takes seconds.
     */
    private static final Pattern INFO_AFTER_PINGS = Pattern.compile("\\A(?:PING\r\n)*INFO \\{.*\\} \r\n");

    @TempDir
    Path dir;

    @Test
    void writesPidAndPortsFilesAndOnQuitRemovesThePortsFileButLeavesThePidFileAsNatsServerDoes() throws Exception {
        Path pidFile = dir.resolve("server.pid");
        Path config = write("pid_file: \"" + pidFile + "\"\nports_file_dir: \"" + dir + "\"\n");
        ServerProcess server = LaunchedServer.start(config);
        long pid = server.process().pid();
        Path portsFile = dir.resolve("nats-server_" + pid + ".ports");

        assertThat(await(() -> Files.exists(pidFile) && Files.exists(portsFile))).isTrue();
        assertThat(pidFile).hasContent(Long.toString(pid));
        assertThat(Files.readString(portsFile)).isEqualTo("{\"nats\":[\"nats://127.0.0.1:" + server.port() + "\"]}");

        LaunchedServer.Run quit = LaunchedServer.run("--signal", "quit=" + pidFile);
        assertThat(quit.exitCode()).as(quit.output()).isZero();
        assertThat(server.process().waitFor()).isZero();
        assertThat(pidFile).hasContent(Long.toString(pid));
        assertThat(portsFile).doesNotExist();
    }

    @Test
    void monitoringFromTheCommandLineIsServedAndListedInThePortsFile() throws Exception {
        try (ServerProcess server = LaunchedServer.start(write("ports_file_dir: \"" + dir + "\"\n"), "-m", "-1")) {
            Path portsFile = dir.resolve("nats-server_" + server.process().pid() + ".ports");
            assertThat(await(() -> Files.exists(portsFile))).isTrue();
            Matcher monitoring = Pattern.compile("\"monitoring\":\\[\"(http://127\\.0\\.0\\.1:\\d+)\"\\]")
                    .matcher(Files.readString(portsFile));
            assertThat(monitoring.find()).as(Files.readString(portsFile)).isTrue();

            HttpResponse<String> varz = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(monitoring.group(1) + "/varz")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(varz.statusCode()).isEqualTo(200);
            assertThat(varz.body()).contains("\"port\": " + server.port()).contains("\"config_digest\": \"sha256:");
        }
    }

    @Test
    void reopensTheLogFileOnReopen() throws Exception {
        Path pidFile = dir.resolve("server.pid");
        Path log = dir.resolve("server.log");
        Path rotated = dir.resolve("server.log.1");
        try (ServerProcess server = LaunchedServer.start(write("pid_file: \"" + pidFile + "\"\n"),
                "-l", log.toString())) {
            assertThat(await(() -> LaunchedServer.read(log).contains("Server is ready"))).isTrue();
            Files.move(log, rotated);

            LaunchedServer.Run reopen = LaunchedServer.run("--signal", "reopen=" + pidFile);

            assertThat(reopen.exitCode()).as(reopen.output()).isZero();
            assertThat(await(() -> LaunchedServer.read(log).contains("File log re-opened"))).isTrue();
            assertThat(Files.readString(rotated)).contains("Server is ready").doesNotContain("File log re-opened");
        }
    }

    @Test
    void entersLameDuckModeOnLdm() throws Exception {
        Path pidFile = dir.resolve("server.pid");
        Path config = write("pid_file: \"" + pidFile + "\"\nlame_duck_duration: \"30s\"\n"
                + "lame_duck_grace_period: \"1s\"\n");
        ServerProcess server = LaunchedServer.start(config);
        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            client.send("CONNECT {\"verbose\":false,\"protocol\":1}\r\nPING\r\n").expect("PONG\r\n");
            client.expectPattern(INFO_AFTER_PINGS);

            LaunchedServer.Run ldm = LaunchedServer.run("--signal", "ldm=" + pidFile);

            assertThat(ldm.exitCode()).as(ldm.output()).isZero();
            assertThat(client.expectPattern(INFO_AFTER_PINGS).group()).contains("\"ldm\":true");
            assertThat(awaitLog(server, "Entering lame duck mode, stop accepting new clients")).isTrue();
            assertThat(client.readUntilClosed().replace("PING\r\n", "")).isEmpty();
            assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(server.process().exitValue()).isZero();
        } finally {
            server.close();
        }
    }

    private Path write(String content) throws Exception {
        Path file = dir.resolve("server.conf");
        Files.writeString(file, content);
        return file;
    }
}
