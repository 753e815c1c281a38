package io.natrium.bootstrap.resolver;

import static io.natrium.bootstrap.resolver.OperatorFixture.awaitClosed;
import static io.natrium.bootstrap.resolver.OperatorFixture.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resolver_pinned_accounts} changed at a reload (SIGHUP), against Natrium alone, as nats-server 2.9.10 refuses
 * the option. Later versions keep it in an unexported option field, which their reload's {@code diffOptions} skips
 * (no {@code Reloaded:} line of its own), but the new options are in force and their {@code reloadAuthorization},
 * which every operator-mode reload runs (as {@code PreloadReloadDifferentialIT} shows for 2.9.10), decides each
 * connected client again: a client of an account no longer pinned is sent {@code Authorization Violation} and
 * closed, new clients of it are refused, and the newly pinned account's users get in.
 */
class PinnedAccountsReloadIT {

    private static final TestNKey FIRST = TestNKey.account();
    private static final TestNKey SECOND = TestNKey.account();

    @Test
    void aChangedPinnedListDecidesConnectedAndNewClientsAfterTheReload(@TempDir Path dir) throws Exception {
        OperatorFixture fixture = new OperatorFixture(dir);
        AuthHandler first = fixture.newUser(FIRST);
        AuthHandler second = fixture.newUser(SECOND);
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put(FIRST.publicKey(), fixture.account(FIRST, "FIRST", Map.of()));
        accounts.put(SECOND.publicKey(), fixture.account(SECOND, "SECOND", Map.of()));
        Path config = fixture.writeMemoryResolverConfig(dir.resolve("natrium.conf"), accounts,
                "resolver_pinned_accounts: [\"" + FIRST.publicKey() + "\"]");

        try (ServerProcess server = ServerProcess.start(ServerProcess.natriumLauncher(),
                List.of("-c", config.toString()), Duration.ofSeconds(180))) {
            List<String> lines = new ArrayList<>();
            lines.add("before: first " + fixture.outcome(server, first) + ", second "
                    + fixture.outcome(server, second));
            BlockingQueue<String> errors = new LinkedBlockingQueue<>();
            try (Connection connected = connect(server, first, errors)) {
                fixture.writeMemoryResolverConfig(config, accounts,
                        "resolver_pinned_accounts: [\"" + SECOND.publicKey() + "\"]");
                OperatorFixture.sighup(server);
                server.awaitLog("Reloaded server configuration", OperatorFixture.TIMEOUT);
                lines.add("connected first: " + awaitClosed(connected, errors));
            }
            lines.add("after: first " + fixture.outcome(server, first) + ", second "
                    + fixture.outcome(server, second));

            assertThat(String.join("\n", lines)).isEqualTo("""
                    before: first connected, second refused: Authentication error connecting to NATS server: \
                    Authorization Violation
                    connected first: [Authorization Violation] then closed
                    after: first refused: Authentication error connecting to NATS server: Authorization Violation, \
                    second connected""");
        }
    }
}
