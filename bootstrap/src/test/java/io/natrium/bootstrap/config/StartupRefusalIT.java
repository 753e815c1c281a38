package io.natrium.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ServerProcess;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A configuration Natrium cannot honour stops the start before anything listens, and {@code -t} says the same:
 * nats-server's error lines on standard error (no stack trace, no log lines, no SLF4J notices), exit status 1. A
 * start that fails later prints log lines only.
 */
class StartupRefusalIT {


    @TempDir
    Path dir;

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("ocsp_peer without verify, with nats-server's words",
                        "tls {\n  cert_file: \"c.pem\"\n  key_file: \"k.pem\"\n  ocsp_peer: true\n}\n",
                        List.of(),
                        List.of("@:1:1: OCSP peer verification for client connections requires TLS verify (mTLS) "
                                + "to be enabled")),
                Arguments.of("websocket tls (wss) naming missing files, at its tls key as nats-server",
                        "port: 4222\nwebsocket {\n  port: 8080\n  tls {\n    cert_file: \"c.pem\"\n    key_file: \"k.pem\"\n  }\n}\n",
                        List.of(), List.of("@:4:3: error parsing X509 certificate/key pair: open c.pem: "
                                + "no such file or directory")),
                Arguments.of("an operator JWT that cannot be read", "port: 4222\noperator: \"op.jwt\"\n", List.of(),
                        List.of("@:2:1: error parsing operator JWT: open op.jwt: no such file or directory")),
                Arguments.of("a user without a name",
                        "authorization {\n  users: [\n    {user: \"\", password: \"p\"}\n  ]\n}\n", List.of(),
                        List.of("@:3:5: User entry requires a user")),
                Arguments.of("tls flags naming missing files", "port: 4222\n",
                        List.of("--tlscert", "c.pem", "--tlskey", "k.pem"),
                        List.of("error parsing X509 certificate/key pair: open c.pem: no such file or directory")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void stopsTheStartAndFailsTheCheckWithTheSameLines(String name, String content, List<String> flags,
            List<String> errors) throws Exception {
        Path config = dir.resolve("refused.conf");
        Files.writeString(config, content);
        StringBuilder expected = new StringBuilder("nats-server: ");
        errors.forEach(error -> expected.append(error.replace("@", config.toString())).append('\n'));
        expected.append('\n');

        LaunchedServer.Run start = LaunchedServer.run(arguments(config, flags, "-a", "127.0.0.1", "-p",
                Integer.toString(ServerProcess.freePort())));
        LaunchedServer.Run check = LaunchedServer.run(arguments(config, flags, "-t"));

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.output()).isEqualTo(expected.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output()).isEqualTo(expected.toString());
    }

    @Test
    void aStartThatFailsAfterLoggingBeganSaysSoInALogLineWithoutNoticesOrStackTraces() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LaunchedServer.Run start = LaunchedServer.run("-a", "127.0.0.1", "-p",
                    Integer.toString(taken.getLocalPort()));

            assertThat(start.exitCode()).isEqualTo(1);
            assertThat(start.output().lines()).isNotEmpty()
                    .allMatch(line -> line.matches("\\[\\d+] [0-9/]+ [0-9:.]+ \\[[A-Z]{3}] .*"), "a log line")
                    .anyMatch(line -> line.contains("[FTL] Error listening on port: "));
        }
    }

    private static String[] arguments(Path config, List<String> flags, String... more) {
        List<String> arguments = new ArrayList<>(List.of(more));
        arguments.addAll(List.of("-c", config.toString()));
        arguments.addAll(flags);
        return arguments.toArray(String[]::new);
    }
}
