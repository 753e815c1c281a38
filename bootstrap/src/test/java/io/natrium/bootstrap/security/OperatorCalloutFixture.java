package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator-mode callout tests share: the operator, account JWTs it signs, the sentinel (a bearer user of the
 * callout account that may do nothing itself, named after the scenario the service answers), creds clients, grants a
 * service answers with, and a raw client refused by the callout.
 */
final class OperatorCalloutFixture {

    static final String VIOLATION = "-ERR 'Authorization Violation'\r\n";
    static final Duration CONNECT_WAIT = Duration.ofSeconds(20);

    final TestNKey operator = TestNKey.operator();
    private final Path dir;

    OperatorCalloutFixture(Path dir) {
        this.dir = dir;
    }

    /** An account JWT of the operator, without limits, with {@code nats} (e.g. an {@code authorization}). */
    String account(TestNKey account, String name, Map<String, Object> nats) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("limits", TestJwt.unlimitedAccount());
        claims.putAll(nats);
        return TestJwt.account(operator, account, name, claims);
    }

    /**
     * A callout account's JWT: its {@code authorization} names the service user and the accounts it may place users
     * in, and the service's {@code xkey} when not null.
     */
    String calloutAccount(TestNKey account, String name, TestNKey service, List<TestNKey> allowed, String xkey) {
        Map<String, Object> authorization = new LinkedHashMap<>();
        authorization.put("auth_users", List.of(service.publicKey()));
        authorization.put("allowed_accounts", allowed.stream().map(TestNKey::publicKey).toList());
        if (xkey != null) {
            authorization.put("xkey", xkey);
        }
        return account(account, name, Map.of("authorization", authorization));
    }

    Options.Builder sentinel(ConfiguredServer server, TestNKey callout, String scenario) throws Exception {
        TestNKey user = TestNKey.user();
        return creds(server, sentinelJwt(callout, user, scenario), user, scenario);
    }

    static String sentinelJwt(TestNKey callout, TestNKey user, String scenario) {
        Map<String, Object> nats = new LinkedHashMap<>(TestJwt.unlimitedUser());
        nats.put("bearer_token", true);
        nats.put("pub", Map.of("deny", List.of(">")));
        nats.put("sub", Map.of("deny", List.of(">")));
        return TestJwt.user(callout, user, scenario, nats, 0);
    }

    /** A creds client of {@code account} without limits, named {@code name}. */
    Options.Builder creds(ConfiguredServer server, TestNKey account, TestNKey user, String name) throws Exception {
        return creds(server, TestJwt.user(account, user, name, TestJwt.unlimitedUser(), 0), user, name);
    }

    Options.Builder creds(ConfiguredServer server, String jwt, TestNKey user, String name) throws Exception {
        Path file = TestJwt.credsFile(Files.createTempFile(dir, name + "-", ".creds"), jwt, user);
        return options(server).authHandler(Nats.credentials(file.toString())).connectionName(name)
                .connectionTimeout(CONNECT_WAIT);
    }

    /** A response signed by {@code signer} granting a user JWT issued by {@code account}: allowed.> only. */
    static CalloutResponder.Answer grant(TestNKey signer, TestNKey account, String userNkey, String serverId) {
        return grant(signer, account, userNkey, serverId, 0);
    }

    /** {@link #grant(TestNKey, TestNKey, String, String)} with a response expiring at {@code expires} (0: never). */
    static CalloutResponder.Answer grant(TestNKey signer, TestNKey account, String userNkey, String serverId,
            long expires) {
        Map<String, Object> nats = new LinkedHashMap<>(TestJwt.unlimitedUser());
        nats.put("pub", Map.of("allow", List.of("allowed.>")));
        nats.put("sub", Map.of("allow", List.of("allowed.>")));
        String user = TestJwt.sign(account, TestJwt.claims(account, userNkey, "granted", "user", nats, 0));
        return CalloutResponder.Answer.of(CalloutResponder.signed(signer, userNkey, serverId,
                Map.of("jwt", user), expires));
    }

    /** A bearer sentinel needs no signed nonce: a raw CONNECT carries it. */
    static String connectLine(TestNKey callout, String scenario) {
        return "CONNECT {\"verbose\":false,\"pedantic\":false,\"jwt\":\""
                + sentinelJwt(callout, TestNKey.user(), scenario) + "\",\"name\":\"" + scenario
                + "\",\"protocol\":1}\r\nPING\r\n";
    }

    /** The client is told {@code Authorization Violation}, then closed; its PING is never answered. */
    static void assertRefused(ConfiguredServer server, TestNKey callout, String scenario) throws Exception {
        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            client.send(connectLine(callout, scenario));
            assertThat(client.readUntilClosed()).as("%s through the callout", scenario).isEqualTo(VIOLATION);
        }
    }

    /** The scenario of a request: the client's connection name. */
    static String scenario(CalloutResponder.Request request) {
        return (String) request.nats("connect_opts").getOrDefault("name", "");
    }
}
