package io.natrium.bootstrap.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The NATS C client (libnats, Debian's libnats-dev) against Natrium and against nats-server 2.9.10: a small C program
 * (src/test/c) compiled by the test runs each scenario — messages in order across wildcards, request/reply and no
 * responders, headers with repeated values, queue groups, the server's INFO as the client reads it, draining, and
 * user/password authentication — and must pass against both and print the same.
 */
class CClientIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final long RUN_SECONDS = 60;

    private static Path client;
    private static final List<ServerProcess> SERVERS = new ArrayList<>();
    private static ServerProcess natsServer;
    private static ServerProcess natrium;

    @BeforeAll
    static void compileTheClientAndStartBothServers() throws Exception {
        Path compiler = ExternalTools.cCompilerWithLibnats();
        Path reference = ExternalTools.natsServer();
        Path directory = Files.createDirectories(Path.of("target", "c-client"));
        client = directory.resolve("natrium_c_client");
        Process compile = new ProcessBuilder(compiler.toString(), "-Wall", "-Werror", "-o", client.toString(),
                Path.of("src", "test", "c", "natrium_c_client.c").toString(), "-lnats").redirectErrorStream(true)
                .start();
        String output = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(compile.waitFor(RUN_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(compile.exitValue()).as(output).isZero();
        natsServer = started(reference, List.of());
        natrium = started(ServerProcess.natriumLauncher(), List.of());
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        for (ServerProcess server : SERVERS) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pubsub", "request", "headers", "queue", "info", "drain"})
    void theScenarioPassesAgainstBothServers(String scenario) throws Exception {
        Run reference = run(natsServer, scenario);
        Run subject = run(natrium, scenario);

        assertThat(reference.exitCode()).as("the C client against nats-server: %s", reference.output()).isZero();
        assertThat(subject.exitCode()).as("the C client against Natrium: %s", subject.output()).isZero();
        assertThat(subject.output()).startsWith(scenario + ": ").isEqualTo(reference.output());
    }

    @Test
    void authenticatesAndRefusesAsNatsServerDoes() throws Exception {
        Path config = Files.writeString(Path.of("target", "c-client", "auth.conf"),
                "authorization { user: c_user, password: c_secret }\n");
        ServerProcess securedReference = started(ExternalTools.natsServer(), List.of("-c", config.toString()));
        ServerProcess securedNatrium = started(ServerProcess.natriumLauncher(), List.of("-c", config.toString()));

        for (ServerProcess server : List.of(securedReference, securedNatrium)) {
            assertThat(run(server, "auth", "c_user", "c_secret").output()).isEqualTo("auth: connected\n");
        }
        Run refusedByReference = run(securedReference, "auth", "c_user", "wrong");
        Run refusedByNatrium = run(securedNatrium, "auth", "c_user", "wrong");
        assertThat(refusedByReference.exitCode()).isEqualTo(3);
        assertThat(refusedByReference.output()).contains("Authorization Violation");
        assertThat(refusedByNatrium.exitCode()).isEqualTo(3);
        assertThat(refusedByNatrium.output()).isEqualTo(refusedByReference.output());
    }

    private static ServerProcess started(Path executable, List<String> arguments)
            throws IOException, InterruptedException {
        ServerProcess server = ServerProcess.start(executable, arguments, START);
        SERVERS.add(server);
        return server;
    }

    private static Run run(ServerProcess server, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(client.toAbsolutePath().toString(),
                "nats://127.0.0.1:" + server.port()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)).as("the C client finishes").isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
