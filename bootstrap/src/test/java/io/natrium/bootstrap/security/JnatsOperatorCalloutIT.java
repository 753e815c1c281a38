package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.OperatorCalloutFixture.CONNECT_WAIT;
import static io.natrium.bootstrap.security.OperatorCalloutFixture.VIOLATION;
import static io.natrium.bootstrap.security.OperatorCalloutFixture.assertRefused;
import static io.natrium.bootstrap.security.OperatorCalloutFixture.connectLine;
import static io.natrium.bootstrap.security.OperatorCalloutFixture.grant;
import static io.natrium.bootstrap.security.OperatorCalloutFixture.scenario;
import static io.natrium.bootstrap.security.SecureClients.bytes;
import static io.natrium.bootstrap.security.SecureClients.connect;
import static io.natrium.bootstrap.security.SecureClients.flush;
import static io.natrium.bootstrap.security.SecureClients.next;
import static io.natrium.bootstrap.security.SecureClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.tls.sealing.NkeysSealing;
import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.Connection;
import io.nats.client.Subscription;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Auth callout in operator mode: two account JWTs with an {@code authorization} section (AUTH in clear, SEALED with
 * an xkey), each with its service (a jnats client of its auth user, {@link CalloutResponder}), clients connecting
 * with a sentinel user JWT of the callout account and the scenario as their connection name. nats-server 2.9.10 has
 * no auth callout, so nothing is compared with the Debian server: the behaviour follows nats-server's current
 * {@code auth_callout.go} and {@code auth.go}.
 */
class JnatsOperatorCalloutIT {

    private static final TestNKey SYSTEM = TestNKey.account();
    private static final TestNKey AUTH = TestNKey.account();
    private static final TestNKey SEALED = TestNKey.account();
    private static final TestNKey APP = TestNKey.account();
    private static final TestNKey OTHER = TestNKey.account();
    private static final TestNKey AUTH_SERVICE = TestNKey.user();
    private static final TestNKey SEALED_SERVICE = TestNKey.user();
    private static final Pattern ERROR = Pattern.compile("-ERR .*\r\n");
    /** Each callout account's last grant, which the {@code replay} scenario answers again. */
    private static final Map<String, CalloutResponder.Answer> LAST_GRANTS = new ConcurrentHashMap<>();
    private static CalloutLog log;

    private static OperatorCalloutFixture fixture;
    private static String configuration;
    private static ConfiguredServer server;
    private static CalloutResponder authService;
    private static CalloutResponder sealedService;

    @BeforeAll
    static void start() throws Exception {
        log = new CalloutLog();
        fixture = new OperatorCalloutFixture(Files.createTempDirectory("natrium-operator-callout-"));
        NkeysSealing serviceXkey = CalloutResponder.newXkey();
        String operator = TestJwt.operator(fixture.operator, "ops", Map.of("system_account", SYSTEM.publicKey()));
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put(SYSTEM.publicKey(), fixture.account(SYSTEM, "SYS", Map.of()));
        accounts.put(AUTH.publicKey(), fixture.calloutAccount(AUTH, "AUTH", AUTH_SERVICE, List.of(APP), null));
        accounts.put(SEALED.publicKey(), fixture.calloutAccount(SEALED, "SEALED", SEALED_SERVICE, List.of(APP),
                serviceXkey.publicKey()));
        accounts.put(APP.publicKey(), fixture.account(APP, "APP", Map.of()));
        accounts.put(OTHER.publicKey(), fixture.account(OTHER, "OTHER", Map.of()));
        StringBuilder preload = new StringBuilder();
        accounts.forEach((key, jwt) -> preload.append("  ").append(key).append(": \"").append(jwt).append("\"\n"));
        configuration = "operator: \"" + operator + "\"\nresolver: MEMORY\nresolver_preload: {\n" + preload + "}\n";
        server = ConfiguredServer.start(configuration);
        authService = new CalloutResponder(connect(fixture.creds(server, AUTH, AUTH_SERVICE, "service")),
                null, request -> answer(AUTH, request));
        sealedService = new CalloutResponder(connect(fixture.creds(server, SEALED, SEALED_SERVICE,
                "service")), serviceXkey, request -> answer(SEALED, request));
    }

    @AfterAll
    static void stop() throws Exception {
        log.close();
        for (AutoCloseable closeable : new AutoCloseable[] {authService, sealedService, server}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void aGrantedUserIsPlacedInTheAllowedAccountThatIssuedItWithItsPermissions() throws Exception {
        SecureClients.Errors errors = new SecureClients.Errors();
        try (Connection granted = connect(fixture.sentinel(server, AUTH, "grant").errorListener(errors));
                Connection appUser = connect(fixture.creds(server, APP, TestNKey.user(), "app"))) {
            Subscription inApp = appUser.subscribe("allowed.>");
            Subscription own = granted.subscribe("allowed.>");
            flush(appUser, granted);

            granted.publish("allowed.one", bytes("hello"));
            granted.publish("denied.one", bytes("no"));

            assertThat(text(next(own))).isEqualTo("hello");
            assertThat(text(next(inApp))).as("the granted user is in APP").isEqualTo("hello");
            assertThat(errors.next()).isEqualTo("Permissions Violation for Publish to \"denied.one\"");
        }
        CalloutResponder.Request request = lastRequestOf(authService, "grant");
        assertThat(request.sealed()).isFalse();
        // Operator mode asks on behalf of the callout account: it is the request's subject.
        assertThat(request.claims()).containsEntry("aud", "nats-authorization-request")
                .containsEntry("sub", AUTH.publicKey());
        assertThat((String) request.nats("connect_opts").get("jwt")).isNotEmpty();
        assertThat((String) request.nats("client_info").get("user")).startsWith("U");
        assertThat(request.nats("server_id")).doesNotContainKey("xkey");
    }

    @Test
    void theSealedAccountsRequestsAreSealedForItsXkeyAndItsSealedGrantLetsTheUserIn() throws Exception {
        try (Connection granted = connect(fixture.sentinel(server, SEALED, "grant"))) {
            Subscription own = granted.subscribe("allowed.>");
            flush(granted);
            granted.publish("allowed.sealed", bytes("through"));
            assertThat(text(next(own))).isEqualTo("through");
        }
        CalloutResponder.Request request = lastRequestOf(sealedService, "grant");
        assertThat(request.sealed()).isTrue();
        assertThat(request.nats("server_id")).containsEntry("xkey", request.serverXkey());
        assertThat(request.claims()).containsEntry("sub", SEALED.publicKey());
    }

    @Test
    void aReloadClosesTheUsersTheCalloutLetInAsNatsServerDoes() throws Exception {
        // nats-server drops the granted client's user JWT; its reload then finds none and closes the client.
        try (RawClient granted = RawClient.connectAndReadInfo("127.0.0.1", server.port());
                Connection bystander = connect(fixture.creds(server, AUTH, AUTH_SERVICE, "bystander"))) {
            granted.send(connectLine(AUTH, "grant"));
            granted.expectPattern(Pattern.compile("\\A(?:PING\r\n)?PONG\r\n"));
            lastRequestOf(authService, "grant");
            authService.forgetRequests();

            server.reload(configuration);

            // (after the keep-alive PINGs and the INFO naming the account a client moved to gets)
            assertThat(granted.readUntilClosed()).matches("(?:PING\r\n|INFO [^\r\n]*\r\n)*"
                    + Pattern.quote(VIOLATION));
            flush(bystander);
            assertThat(bystander.getStatus()).as("an auth user, decided by its own JWT").isEqualTo(
                    Connection.Status.CONNECTED);
        }
    }

    @Test
    void aUserIssuedByTheCalloutAccountStaysThereAndMayNotPublishCalloutRequests() throws Exception {
        SecureClients.Errors errors = new SecureClients.Errors();
        try (Connection home = connect(fixture.sentinel(server, AUTH, "home").errorListener(errors))) {
            home.publish("$SYS.REQ.USER.AUTH", bytes("forged request"));
            assertThat(errors.next()).isEqualTo("Permissions Violation for Publish to \"$SYS.REQ.USER.AUTH\"");
        }
    }

    @Test
    void theAuthUsersBypassTheCalloutButMayNotPublishCalloutRequests() throws Exception {
        SecureClients.Errors errors = new SecureClients.Errors();
        authService.forgetRequests();
        try (Connection service = connect(fixture.creds(server, AUTH, AUTH_SERVICE, "service")
                .errorListener(errors))) {
            service.publish("$SYS.REQ.USER.AUTH", bytes("forged request"));
            assertThat(errors.next()).isEqualTo("Permissions Violation for Publish to \"$SYS.REQ.USER.AUTH\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deny", "garbage", "wrongsigner", "notallowed", "stranger", "expired", "replay"})
    void wrongOrRefusingAnswersTurnTheClientAway(String name) throws Exception {
        if (name.equals("replay")) {
            // Each service's last grant is answered again to the next request: for another user key, so refused.
            connect(fixture.sentinel(server, AUTH, "grant")).close();
            connect(fixture.sentinel(server, SEALED, "grant")).close();
        }
        log.clear();
        assertRefused(server, AUTH, name);
        assertRefused(server, SEALED, name);
        assertThat(log.warnings()).filteredOn(line -> line.startsWith(warning(name))).hasSize(2);
    }

    @Test
    void aResponseToASealedRequestThatIsNeitherAJwtNorSealedForTheServerIsRefused() throws Exception {
        log.clear();
        assertRefused(server, AUTH, "unsealed");
        assertRefused(server, SEALED, "unsealed");
        assertThat(log.warnings()).containsExactly("Expected 3 chunks",
                "Error decrypting auth callout response on account \"" + SEALED.publicKey()
                        + "\": nkeys: encrypted input wrong version");
    }

    @ParameterizedTest(name = "sealed: {0}")
    @ValueSource(booleans = {false, true})
    void anUnansweredRequestTimesOutAfterTheAuthorizationTimeout(boolean sealed) throws Exception {
        TestNKey callout = sealed ? SEALED : AUTH;
        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            long start = System.nanoTime();
            client.send(connectLine(callout, "slow"));
            // The PING waits with the client's input until the callout decides.
            client.expectNothing();
            assertThat(client.drainThrough(ERROR, CONNECT_WAIT)).isEqualTo(VIOLATION);
            // The default authorization timeout, 2 s.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
        assertThat(log.messages()).contains(
                "Authorization callout response not received in time on account \"" + callout.publicKey() + "\"");
    }

    @Test
    void aClientWhoseUserJwtItsCalloutAccountRefusesIsRefusedAtTheTimeoutWithoutARequest() throws Exception {
        // nats-server still asks, in the global account where no service is, and refuses the client at the timeout.
        authService.forgetRequests();
        log.clear();
        String unsigned = TestJwt.user(AUTH, TestNKey.user(), "unsigned", TestJwt.unlimitedUser(), 0);
        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            long start = System.nanoTime();
            client.send("CONNECT {\"verbose\":false,\"jwt\":\"" + unsigned + "\",\"protocol\":1}\r\nPING\r\n");
            client.expectNothing();
            assertThat(client.drainThrough(ERROR, CONNECT_WAIT)).isEqualTo(VIOLATION);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
        assertThat(log.messages()).containsExactly(
                "Authorization callout response not received in time on account \"$G\"");
        assertThat(authService.idle()).as("the client's credentials went to no service").isTrue();
    }

    @Test
    void aNewJwtOfTheGrantedAccountEndsARevokedGrantWithoutAskingTheCalloutAgain() throws Exception {
        authService.forgetRequests();
        SecureClients.Errors keptErrors = new SecureClients.Errors();
        SecureClients.Errors revokedErrors = new SecureClients.Errors();
        try (Connection kept = connect(fixture.sentinel(server, AUTH, "grant").errorListener(keptErrors));
                Connection revoked = connect(fixture.sentinel(server, AUTH, "grant").errorListener(revokedErrors));
                Connection system = connect(fixture.creds(server, SYSTEM, TestNKey.user(), "system"))) {
            lastRequestOf(authService, "grant");
            String revokedKey = lastRequestOf(authService, "grant").userNkey();

            system.publish("$SYS.REQ.ACCOUNT." + APP.publicKey() + ".CLAIMS.UPDATE", bytes(fixture.account(APP, "APP",
                    Map.of("revocations", Map.of(revokedKey, Instant.now().getEpochSecond())))));

            assertThat(revokedErrors.next()).isEqualTo("User Authentication Revoked");
            flush(kept);
            assertThat(kept.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            assertThat(authService.idle()).as("nats-server does not ask about its callout users again").isTrue();
        } finally {
            try (Connection system = connect(fixture.creds(server, SYSTEM, TestNKey.user(), "system"))) {
                system.publish("$SYS.REQ.ACCOUNT." + APP.publicKey() + ".CLAIMS.UPDATE",
                        bytes(fixture.account(APP, "APP", Map.of())));
                flush(system);
            }
        }
    }

    private static String warning(String name) {
        return switch (name) {
            case "deny" -> "Auth callout service returned an error: not welcome";
            case "garbage" -> "Expected 3 chunks";
            case "wrongsigner" -> "Auth callout signing key is unknown";
            case "notallowed" -> "Account \"" + OTHER.publicKey()
                    + "\" not permitted as valid account option for auth callout for account \"";
            case "stranger", "replay" -> "Auth callout violation: auth callout response is not for expected user";
            case "expired" -> "Authorization response had validation errors: claim is expired";
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The service's answers by the connection name: the callout account {@code callout} signs them. */
    private static CalloutResponder.Answer answer(TestNKey callout, CalloutResponder.Request request) {
        String userNkey = request.userNkey();
        String serverId = request.serverId();
        return switch (scenario(request)) {
            case "grant" -> {
                CalloutResponder.Answer granted = grant(callout, APP, userNkey, serverId);
                LAST_GRANTS.put(callout.publicKey(), granted);
                yield granted;
            }
            case "expired" -> grant(callout, APP, userNkey, serverId, Instant.now().getEpochSecond() - 10);
            case "replay" -> LAST_GRANTS.get(callout.publicKey());
            case "home" -> grant(callout, callout, userNkey, serverId);
            case "deny" -> CalloutResponder.Answer.of(CalloutResponder.signed(callout, userNkey, serverId,
                    Map.of("error", "not welcome"), 0));
            case "slow" -> null;
            case "garbage" -> CalloutResponder.Answer.of("this is not a JWT");
            // Not sealed although the request was: the server must open it, and cannot.
            case "unsealed" -> new CalloutResponder.Answer("neither a JWT nor sealed for the server that asked", true);
            // Only a response in clear shows its signer: a sealed one proved itself by the sealing.
            case "wrongsigner" -> new CalloutResponder.Answer(grant(OTHER, APP, userNkey, serverId).token(), true);
            case "notallowed" -> grant(callout, OTHER, userNkey, serverId);
            case "stranger" -> grant(callout, APP, TestNKey.user().publicKey(), serverId);
            default -> throw new IllegalArgumentException("no scenario for " + scenario(request));
        };
    }

    private static CalloutResponder.Request lastRequestOf(CalloutResponder responder, String name)
            throws InterruptedException {
        while (true) {
            CalloutResponder.Request request = responder.nextRequest();
            if (name.equals(request.nats("connect_opts").get("name"))) {
                return request;
            }
        }
    }
}
