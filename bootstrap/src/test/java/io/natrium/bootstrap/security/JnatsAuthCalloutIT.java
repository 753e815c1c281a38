package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.bytes;
import static io.natrium.bootstrap.security.SecureClients.connect;
import static io.natrium.bootstrap.security.SecureClients.flush;
import static io.natrium.bootstrap.security.SecureClients.next;
import static io.natrium.bootstrap.security.SecureClients.text;
import static io.natrium.bootstrap.security.SecureClients.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.tls.sealing.NkeysSealing;
import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.RawClient;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Auth callout in config mode with jnats clients and a callout service written here ({@link CalloutResponder}).
 * nats-server 2.9.10 has no auth callout (it came with 2.10.0), so nothing is compared with the Debian server; the
 * behaviour follows nats-server's current {@code auth_callout.go}.
 */
class JnatsAuthCalloutIT {

    private static final String CONFIG = """
            accounts {
              AUTH { users: [ { user: auth, password: pwd } ] }
              APP {}
            }
            authorization {
              timeout: 4
              auth_callout {
                issuer: %s
                account: AUTH
                auth_users: [ auth ]
                %s
              }
            }
            """;
    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(15);
    private static final String VIOLATION = "-ERR 'Authorization Violation'\r\n";
    private static final Pattern ERROR = Pattern.compile("-ERR .*\r\n");

    private static final Map<String, String> WARNINGS = Map.of(
            "bob", "Auth callout service returned an error: bob is not welcome",
            "garbage", "Expected 3 chunks",
            "silent", "Auth callout violation: \"no reason supplied\" on account \"AUTH\"",
            "forged", "Wrong issuer for auth callout response on account \"AUTH\", expected \""
                    + CalloutResponder.ISSUER.publicKey() + "\" got \"",
            "stranger", "Auth callout violation: auth callout response is not for expected user",
            "expired", "Authorization response had validation errors: claim is expired",
            "replay", "Auth callout violation: auth callout response is not for expected user");

    private static CalloutLog log;
    private static ConfiguredServer server;
    private static CalloutResponder service;
    private static NkeysSealing serviceXkey;
    private static ConfiguredServer sealedServer;
    private static CalloutResponder sealedService;

    @BeforeAll
    static void start() throws Exception {
        log = new CalloutLog();
        server = ConfiguredServer.start(CONFIG.formatted(CalloutResponder.ISSUER.publicKey(), ""));
        service = new CalloutResponder(server, null);
        serviceXkey = CalloutResponder.newXkey();
        sealedServer = ConfiguredServer.start(CONFIG.formatted(CalloutResponder.ISSUER.publicKey(),
                "xkey: " + serviceXkey.publicKey()));
        sealedService = new CalloutResponder(sealedServer, serviceXkey);
    }

    @AfterAll
    static void stop() throws Exception {
        log.close();
        for (AutoCloseable closeable : new AutoCloseable[] {service, server, sealedService, sealedServer}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void aGrantedUserIsInTheGrantedAccountWithTheGrantedPermissions() throws Exception {
        SecureClients.Errors errors = new SecureClients.Errors();
        try (Connection alice = connect(user(server, "alice", "secret").errorListener(errors))) {
            Subscription allowed = alice.subscribe("allowed.>");
            // The callout service lives in AUTH: it sees nothing of what alice publishes in APP.
            Subscription fromAuth = service.connection().subscribe("allowed.>");
            flush(alice, service.connection());

            alice.publish("allowed.one", bytes("hello"));
            alice.publish("denied.one", bytes("no"));

            assertThat(text(next(allowed))).isEqualTo("hello");
            assertThat(errors.next()).isEqualTo("Permissions Violation for Publish to \"denied.one\"");
            flush(alice, service.connection());
            assertThat(fromAuth.nextMessage(Duration.ofMillis(200))).isNull();
        }
        CalloutResponder.Request request = lastRequestOf(service, "alice");
        assertThat(request.sealed()).isFalse();
        assertThat(request.claims()).containsEntry("aud", "nats-authorization-request")
                .containsEntry("sub", CalloutResponder.ISSUER.publicKey());
        assertThat(request.nats("connect_opts")).containsEntry("user", "alice").containsEntry("pass", "secret");
        assertThat(request.nats("client_info")).containsEntry("kind", "Client").containsEntry("type", "nats")
                .containsEntry("user", "alice").containsKey("host");
        assertThat(request.nats("server_id")).containsEntry("id", request.claims().get("iss"))
                .doesNotContainKey("xkey");
        assertThat(request.nats(null)).containsEntry("type", "authorization_request");
    }

    @Test
    void aSealedRequestCarriesTheServersXkeyAndASealedGrantLetsTheUserIn() throws Exception {
        try (Connection alice = connect(user(sealedServer, "alice", "secret"))) {
            Subscription allowed = alice.subscribe("allowed.>");
            flush(alice);
            alice.publish("allowed.sealed", bytes("through"));
            assertThat(text(next(allowed))).isEqualTo("through");
        }
        CalloutResponder.Request request = lastRequestOf(sealedService, "alice");
        assertThat(request.sealed()).isTrue();
        assertThat(request.serverXkey()).startsWith("X");
        assertThat(request.nats("server_id")).containsEntry("xkey", request.serverXkey());
    }

    @Test
    void aReloadAsksTheCalloutAgainAboutTheUsersItLetIn() throws Exception {
        try (Connection alice = connect(user(server, "alice", "secret"))) {
            service.forgetRequests();

            server.reload(CONFIG.formatted(CalloutResponder.ISSUER.publicKey(), ""));

            // As nats-server, the granted user JWT's name replaced the client's user name.
            assertThat(lastRequestOf(service, "alice-granted").nats("connect_opts")).containsEntry("pass", "secret");
            Subscription allowed = alice.subscribe("allowed.>");
            flush(alice);
            alice.publish("allowed.after", bytes("still in"));
            assertThat(text(next(allowed))).isEqualTo("still in");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob", "garbage", "silent", "forged", "stranger", "expired", "replay"})
    void wrongOrRefusingAnswersTurnTheClientAway(String name) throws Exception {
        if (name.equals("replay")) {
            // alice's grant is answered again to the next request: for another user key, so refused.
            connect(user(server, "alice", "secret")).close();
            connect(user(sealedServer, "alice", "secret")).close();
        }
        log.clear();
        assertRefused(server, name);
        assertRefused(sealedServer, name);
        assertThat(log.warnings()).filteredOn(line -> line.startsWith(WARNINGS.get(name))).hasSize(2);
    }

    @ParameterizedTest(name = "sealed: {0}")
    @ValueSource(booleans = {false, true})
    void anUnansweredRequestTimesOutAfterTheAuthorizationTimeout(boolean sealed) throws Exception {
        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", (sealed ? sealedServer : server).port())) {
            long start = System.nanoTime();
            client.send(connectLine("slow"));
            // The PING waits with the client's input until the callout decides.
            client.expectNothing();
            assertThat(client.drainThrough(ERROR, REFUSAL_WAIT)).isEqualTo(VIOLATION);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(3900));
        }
        assertThat(log.messages()).contains(
                "Authorization callout response not received in time on account \"AUTH\"");
    }

    @Test
    void authUsersBypassTheCalloutButMayNotPublishCalloutRequests() throws Exception {
        SecureClients.Errors errors = new SecureClients.Errors();
        try (Connection auth = connect(user(server, "auth", "pwd").errorListener(errors))) {
            auth.publish("$SYS.REQ.USER.AUTH", bytes("forged request"));
            assertThat(errors.next()).isEqualTo("Permissions Violation for Publish to \"$SYS.REQ.USER.AUTH\"");
        }
        assertThat(refusal(user(server, "auth", "wrong"))).isInstanceOf(AuthenticationException.class);
    }

    /** The client is told {@code Authorization Violation}, then closed; its PING is never answered. */
    private static void assertRefused(ConfiguredServer target, String name) throws IOException {
        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", target.port())) {
            client.send(connectLine(name));
            assertThat(client.readUntilClosed()).as("%s through the callout", name).isEqualTo(VIOLATION);
        }
    }

    private static String connectLine(String name) {
        return "CONNECT {\"verbose\":false,\"pedantic\":false,\"user\":\"" + name
                + "\",\"pass\":\"any\",\"protocol\":1}\r\nPING\r\n";
    }

    private static Exception refusal(Options.Builder options) {
        try (Connection ignored = Nats.connect(options.connectionTimeout(Duration.ofMillis(500)).build())) {
            throw new AssertionError("the server accepted the connection");
        } catch (Exception e) {
            return e;
        }
    }

    private static CalloutResponder.Request lastRequestOf(CalloutResponder responder, String user)
            throws InterruptedException {
        while (true) {
            CalloutResponder.Request request = responder.nextRequest();
            if (user.equals(((Map<?, ?>) request.nats("connect_opts")).get("user"))) {
                return request;
            }
        }
    }
}
