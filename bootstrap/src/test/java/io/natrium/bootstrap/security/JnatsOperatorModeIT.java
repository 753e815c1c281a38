package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.bytes;
import static io.natrium.bootstrap.security.SecureClients.connect;
import static io.natrium.bootstrap.security.SecureClients.next;
import static io.natrium.bootstrap.security.SecureClients.options;
import static io.natrium.bootstrap.security.SecureClients.refusal;
import static io.natrium.bootstrap.security.SecureClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jnats with creds files (a user JWT and its seed) against Natrium in operator mode with the memory resolver: the
 * operator and accounts are made by the test, the accounts preloaded.
 */
class JnatsOperatorModeIT {

    private static final TestNKey OPERATOR = TestNKey.operator();
    private static final TestNKey SYSTEM = TestNKey.account();
    private static final TestNKey ACCOUNT = TestNKey.account();
    private static final TestNKey REVOKED = TestNKey.user();

    private static Path dir;
    private static ConfiguredServer server;

    @BeforeAll
    static void startServer() throws Exception {
        dir = Files.createTempDirectory("natrium-operator-");
        String operatorJwt = TestJwt.operator(OPERATOR, "ops", Map.of("system_account", SYSTEM.publicKey()));
        String systemJwt = TestJwt.account(OPERATOR, SYSTEM, "SYS", Map.of("limits", TestJwt.unlimitedAccount()));
        String accountJwt = TestJwt.account(OPERATOR, ACCOUNT, "APP", Map.of("limits", TestJwt.unlimitedAccount(),
                "revocations", Map.of(REVOKED.publicKey(), Instant.now().getEpochSecond() + 3600)));
        Path operatorFile = Files.writeString(dir.resolve("operator.jwt"), operatorJwt);
        server = ConfiguredServer.start("""
                operator: "%s"
                resolver: MEMORY
                resolver_preload: {
                  %s: "%s"
                  %s: "%s"
                }
                """.formatted(operatorFile, SYSTEM.publicKey(), systemJwt, ACCOUNT.publicKey(), accountJwt));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aCredsFileUserOfAPreloadedAccountConnectsAndExchangesMessages() throws Exception {
        try (Connection client = connect(creds("alice", ACCOUNT, Map.of(), 0))) {
            Subscription subscription = client.subscribe("orders.>");
            client.publish("orders.new", bytes("one"));

            assertThat(text(next(subscription))).isEqualTo("one");
            assertThat(client.getServerInfo().isAuthRequired()).isTrue();
        }
    }

    @Test
    void theUserJwtsPermissionsApply() throws Exception {
        SecureClients.Errors errors = new SecureClients.Errors();
        Map<String, Object> nats = Map.of("pub", Map.of("allow", List.of("allowed.>")), "subs", -1, "payload", -1);
        try (Connection client = connect(creds("limited", ACCOUNT, nats, 0).errorListener(errors))) {
            client.publish("denied", bytes("x"));

            assertThat(errors.next()).isEqualTo("Permissions Violation for Publish to \"denied\"");
        }
    }

    @Test
    void anExpiredUserIsRefused() throws Exception {
        Options.Builder expired = creds("late", ACCOUNT, Map.of(), Instant.now().getEpochSecond() - 5);

        assertThat(refusal(expired)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Authorization Violation");
    }

    @Test
    void aUserOfAnAccountTheResolverDoesNotHoldIsRefused() throws Exception {
        assertThat(refusal(creds("stranger", TestNKey.account(), Map.of(), 0)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("Authorization Violation");
    }

    @Test
    void aRevokedUserIsRefused() throws Exception {
        Path file = TestJwt.credsFile(dir.resolve("revoked.creds"),
                TestJwt.user(ACCOUNT, REVOKED, "revoked", TestJwt.unlimitedUser(), 0), REVOKED);

        assertThat(refusal(options(server).authHandler(Nats.credentials(file.toString()))))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("Authorization Violation");
    }

    @Test
    void aClientWithoutAUserJwtIsRefused() {
        assertThat(refusal(options(server).userInfo("alice", "secret")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("Authorization Violation");
    }

    @Test
    void aConnectedUserIsDisconnectedWhenItsJwtExpires() throws Exception {
        SecureClients.Errors errors = new SecureClients.Errors();
        long expires = Instant.now().getEpochSecond() + 2;
        try (Connection client = connect(creds("brief", ACCOUNT, Map.of(), expires).errorListener(errors))) {
            assertThat(client.getStatus()).isEqualTo(Connection.Status.CONNECTED);

            assertThat(errors.next()).isEqualTo("User Authentication Expired");
        }
    }

    /** Options with a creds file for a new user of {@code account} (signed by it), with {@code nats} claims. */
    private static Options.Builder creds(String name, TestNKey account, Map<String, Object> nats, long expires)
            throws Exception {
        TestNKey user = TestNKey.user();
        Map<String, Object> claims = new java.util.LinkedHashMap<>(TestJwt.unlimitedUser());
        claims.putAll(nats);
        Path file = TestJwt.credsFile(dir.resolve(name + "-" + user.publicKey() + ".creds"),
                TestJwt.user(account, user, name, claims, expires), user);
        return options(server).authHandler(Nats.credentials(file.toString()));
    }
}
