package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Conversation.round;
import static io.natrium.bootstrap.conformance.Conversation.until;
import static io.natrium.bootstrap.conformance.Conversation.untilClosed;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What connected clients see when a reload (SIGHUP) changes users and permissions under them, and when an account's
 * connection limit turns a client away: nats-server and Natrium, each started from its own copy of the same file,
 * play the same conversation and their transcripts are compared.
 */
class SecurityReloadDifferentialIT {

    private static final String BEFORE = """
            authorization {
              users = [
                {user: alice, password: a}
                {user: bob, password: b}
                {user: carol, password: c, permissions: {subscribe: ["news.>", "weather"]}}
              ]
            }
            accounts {
              SOLO: {users: [{user: solo, password: s}], limits: {max_connections: 1}}
            }
            """;
    private static final Pattern ERROR = Pattern.compile("-ERR '[^']*'\r\n");

    private static Path natsServer;

    @BeforeAll
    static void findTheReference() {
        natsServer = ExternalTools.natsServer();
    }

    @Test
    void aSubscriptionThatLosesItsPermissionIsRemovedWithItsSid() throws Exception {
        String reference = assertSameTranscripts((server, config) -> {
            try (RawClient carol = login(server, "carol", "c"); RawClient alice = login(server, "alice", "a")) {
                StringBuilder transcript = new StringBuilder(round(carol, "SUB news.> 1\r\nSUB weather 2\r\n"));
                reload(server, config, BEFORE.replace("\"news.>\", ", ""));
                transcript.append(until(carol, "", ERROR));
                round(alice, "PUB news.today 1\r\nx\r\nPUB weather 1\r\ny\r\n");
                transcript.append(round(carol, ""));
                return transcript.toString();
            }
        });

        assertThat(reference).contains("Permissions Violation for Subscription to \"news.>\"", "MSG weather 2")
                .doesNotContain("news.today");
    }

    @Test
    void aUserRemovedByAReloadIsDisconnected() throws Exception {
        String reference = assertSameTranscripts((server, config) -> {
            try (RawClient bob = login(server, "bob", "b"); RawClient alice = login(server, "alice", "a")) {
                reload(server, config, BEFORE.replace("{user: bob, password: b}", ""));
                return untilClosed(bob) + "|" + round(alice, "");
            }
        });

        assertThat(reference).contains("<closed>|PONG");
    }

    @Test
    void anAccountAtItsConnectionLimitTurnsTheNextClientAway() throws Exception {
        String reference = assertSameTranscripts((server, config) -> {
            try (RawClient first = login(server, "solo", "s");
                 RawClient second = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
                String refused = round(second, "CONNECT {\"verbose\":false,\"user\":\"solo\",\"pass\":\"s\"}\r\n");
                return refused + "|" + round(first, "");
            }
        });

        assertThat(reference).startsWith("-ERR 'maximum account active connections exceeded'").contains("<closed>");
    }

    /** A conversation with one server started from {@code config}, which it may rewrite to reload. */
    @FunctionalInterface
    private interface Script {
        String play(ServerProcess server, Path config) throws Exception;
    }

    /** Plays the script on both servers, asserts that the transcripts match, and returns nats-server's. */
    private static String assertSameTranscripts(Script script) throws Exception {
        String reference = play(natsServer, script, Duration.ofSeconds(10));

        assertThat(play(ServerProcess.natriumLauncher(), script, Duration.ofSeconds(60)))
                .as("Natrium's transcript, beside nats-server's").isEqualTo(reference);
        return reference;
    }

    private static String play(Path executable, Script script, Duration readyWithin) throws Exception {
        Path config = Files.createTempFile("natrium-reload-", ".conf");
        Files.writeString(config, BEFORE);
        try (ServerProcess server = ServerProcess.start(executable, List.of("-c", config.toString()), readyWithin)) {
            return script.play(server, config);
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static void reload(ServerProcess server, Path config, String configuration) throws Exception {
        Files.writeString(config, configuration);
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(server.process().pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    private static RawClient login(ServerProcess server, String user, String password) throws Exception {
        return Conversation.connected(server,
                "{\"verbose\":false,\"user\":\"" + user + "\",\"pass\":\"" + password + "\"}");
    }
}
