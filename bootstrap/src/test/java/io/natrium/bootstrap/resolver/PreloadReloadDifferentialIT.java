package io.natrium.bootstrap.resolver;

import static io.natrium.bootstrap.resolver.OperatorFixture.awaitClosed;
import static io.natrium.bootstrap.resolver.OperatorFixture.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory resolver's hand-written account JWTs ({@code resolver_preload}) read again at a reload, the Debian
 * nats-server 2.9.10 beside Natrium with the same generated operator and accounts: with clients connected, the
 * configuration is rewritten (a user revoked in its account's JWT, an account left out, an account added) and both
 * servers are sent SIGHUP; what happens to each client, and who may connect afterwards, is compared.
 */
class PreloadReloadDifferentialIT {

    private static final Duration TIMEOUT = OperatorFixture.TIMEOUT;
    private static final TestNKey APP = TestNKey.account();
    private static final TestNKey GONE = TestNKey.account();
    private static final TestNKey ADDED = TestNKey.account();

    @Test
    void changedPreloadsApplyToConnectedClientsAlike(@TempDir Path dir) throws Exception {
        OperatorFixture fixture = new OperatorFixture(dir);
        TestNKey revokedUser = TestNKey.user();
        TestNKey keptUser = TestNKey.user();
        TestNKey goneUser = TestNKey.user();
        TestNKey addedUser = TestNKey.user();
        AuthHandler revoked = fixture.creds(TestJwt.user(APP, revokedUser, "r", TestJwt.unlimitedUser(), 0),
                revokedUser);
        AuthHandler kept = OperatorFixture.withoutNkey(fixture.creds(TestJwt.user(APP, keptUser, "k",
                TestJwt.unlimitedUser(), 0), keptUser));
        AuthHandler gone = OperatorFixture.withoutNkey(fixture.creds(TestJwt.user(GONE, goneUser, "g",
                TestJwt.unlimitedUser(), 0), goneUser));
        AuthHandler added = fixture.creds(TestJwt.user(ADDED, addedUser, "a", TestJwt.unlimitedUser(), 0),
                addedUser);
        Map<String, String> before = new LinkedHashMap<>();
        before.put(APP.publicKey(), fixture.account(APP, "APP", Map.of()));
        before.put(GONE.publicKey(), fixture.account(GONE, "GONE", Map.of()));
        Map<String, String> after = new LinkedHashMap<>();
        after.put(APP.publicKey(), fixture.account(APP, "APP", Map.of("revocations",
                Map.of(revokedUser.publicKey(), Instant.now().getEpochSecond() + 1))));
        after.put(ADDED.publicKey(), fixture.account(ADDED, "ADDED", Map.of()));
        Scenario scenario = new Scenario(fixture, revoked, kept, gone, added, before, after);

        String fromReference = scenario.run(ExternalTools.natsServer(), dir.resolve("reference.conf"),
                Duration.ofSeconds(10));
        String fromNatrium = scenario.run(ServerProcess.natriumLauncher(), dir.resolve("natrium.conf"),
                Duration.ofSeconds(180));

        assertThat(fromReference).as("nats-server 2.9.10").isEqualTo("""
                before: added refused: Authentication error connecting to NATS server: Authorization Violation
                revoked: [User Authentication Revoked] then closed
                gone: [Authorization Violation] then closed
                kept: served []
                after: added connected, revoked refused: Authentication error connecting to NATS server: \
                Authorization Violation""");
        assertThat(fromNatrium).as("Natrium, beside nats-server").isEqualTo(fromReference);
    }

    /** One server's run: start with {@code before}, connect, reload with {@code after}, see what became of all. */
    private record Scenario(OperatorFixture fixture, AuthHandler revoked, AuthHandler kept, AuthHandler gone,
            AuthHandler added, Map<String, String> before, Map<String, String> after) {

        String run(Path executable, Path config, Duration startWithin) throws Exception {
            fixture.writeMemoryResolverConfig(config, before, "");
            try (ServerProcess server = ServerProcess.start(executable, List.of("-c", config.toString()),
                    startWithin)) {
                List<String> lines = new ArrayList<>();
                lines.add("before: added " + fixture.outcome(server, added));
                BlockingQueue<String> revokedErrors = new LinkedBlockingQueue<>();
                BlockingQueue<String> goneErrors = new LinkedBlockingQueue<>();
                BlockingQueue<String> keptErrors = new LinkedBlockingQueue<>();
                try (Connection revokedClient = connect(server, revoked, revokedErrors);
                        Connection goneClient = connect(server, gone, goneErrors);
                        Connection keptClient = connect(server, kept, keptErrors)) {
                    fixture.writeMemoryResolverConfig(config, after, "");
                    OperatorFixture.sighup(server);
                    server.awaitLog("Reloaded server configuration", TIMEOUT);
                    lines.add("revoked: " + awaitClosed(revokedClient, revokedErrors));
                    lines.add("gone: " + awaitClosed(goneClient, goneErrors));
                    lines.add("kept: " + stillServed(keptClient, keptErrors));
                }
                lines.add("after: added " + fixture.outcome(server, added) + ", revoked "
                        + fixture.outcome(server, revoked));
                return String.join("\n", lines);
            }
        }

        /** "served" when a PING is still answered, else the errors and the state. */
        private static String stillServed(Connection client, BlockingQueue<String> errors) throws Exception {
            try {
                client.flush(TIMEOUT);
                return "served " + errors;
            } catch (TimeoutException | IllegalStateException notServed) {
                return awaitClosed(client, errors);
            }
        }
    }
}
