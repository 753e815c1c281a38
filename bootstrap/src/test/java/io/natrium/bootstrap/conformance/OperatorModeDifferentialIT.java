package io.natrium.bootstrap.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operator mode with the memory resolver, the Debian nats-server 2.9.10 beside Natrium with the same configuration:
 * one operator, a system account and three accounts (one with a signing key and a scoped signing key, one limited to
 * one connection, one refusing bearer tokens), all made by the test. jnats clients with user JWTs made for each case
 * must be let in or refused alike, and meet the same limits and permission errors.
 */
class OperatorModeDifferentialIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final TestNKey OPERATOR = TestNKey.operator();
    private static final TestNKey SYSTEM = TestNKey.account();
    private static final TestNKey APP = TestNKey.account();
    private static final TestNKey APP_SIGNER = TestNKey.account();
    private static final TestNKey APP_SCOPED = TestNKey.account();
    private static final TestNKey SINGLE = TestNKey.account();
    private static final TestNKey NO_BEARER = TestNKey.account();
    private static final TestNKey ZERO_CONNECTIONS = TestNKey.account();
    private static final TestNKey ZERO_SUBSCRIPTIONS = TestNKey.account();
    private static final TestNKey REVOKED = TestNKey.user();

    private static Path dir;
    private static ServerProcess reference;
    private static ServerProcess natrium;

    @BeforeAll
    static void startBoth() throws Exception {
        dir = Files.createTempDirectory("natrium-operator-differential-");
        String operatorJwt = TestJwt.operator(OPERATOR, "ops", Map.of("system_account", SYSTEM.publicKey()));
        Map<String, Object> appNats = new LinkedHashMap<>();
        appNats.put("limits", TestJwt.unlimitedAccount());
        appNats.put("revocations", Map.of(REVOKED.publicKey(), Instant.now().getEpochSecond() + 3600));
        appNats.put("signing_keys", List.of(APP_SIGNER.publicKey(), Map.of("kind", "user_scope", "key",
                APP_SCOPED.publicKey(), "role", "team", "template", Map.of("pub", Map.of("allow",
                        List.of("team.{{name()}}.>")), "subs", -1, "payload", -1))));
        Map<String, Object> singleLimits = new LinkedHashMap<>(TestJwt.unlimitedAccount());
        singleLimits.put("conn", 1);
        Map<String, Object> noBearerLimits = new LinkedHashMap<>(TestJwt.unlimitedAccount());
        noBearerLimits.put("disallow_bearer", true);
        Map<String, Object> zeroConnections = new LinkedHashMap<>(TestJwt.unlimitedAccount());
        zeroConnections.put("conn", 0);
        Map<String, Object> zeroSubscriptions = new LinkedHashMap<>(TestJwt.unlimitedAccount());
        zeroSubscriptions.put("subs", 0);
        String config = """
                operator: "%s"
                resolver: MEMORY
                resolver_preload: {
                  %s: "%s"
                  %s: "%s"
                  %s: "%s"
                  %s: "%s"
                  %s: "%s"
                  %s: "%s"
                }
                """.formatted(operatorJwt,
                ZERO_CONNECTIONS.publicKey(), TestJwt.account(OPERATOR, ZERO_CONNECTIONS, "ZEROCONN",
                        Map.of("limits", zeroConnections)),
                ZERO_SUBSCRIPTIONS.publicKey(), TestJwt.account(OPERATOR, ZERO_SUBSCRIPTIONS, "ZEROSUBS",
                        Map.of("limits", zeroSubscriptions)),
                SYSTEM.publicKey(), TestJwt.account(OPERATOR, SYSTEM, "SYS",
                        Map.of("limits", TestJwt.unlimitedAccount())),
                APP.publicKey(), TestJwt.account(OPERATOR, APP, "APP", appNats),
                SINGLE.publicKey(), TestJwt.account(OPERATOR, SINGLE, "SINGLE", Map.of("limits", singleLimits)),
                NO_BEARER.publicKey(), TestJwt.account(OPERATOR, NO_BEARER, "NOBEARER",
                        Map.of("limits", noBearerLimits)));
        Path file = Files.writeString(dir.resolve("operator.conf"), config);
        List<String> arguments = List.of("-c", file.toString());
        reference = ServerProcess.start(ExternalTools.natsServer(), arguments, Duration.ofSeconds(10));
        natrium = ServerProcess.start(ServerProcess.natriumLauncher(), arguments, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (reference != null) {
            reference.close();
        }
        if (natrium != null) {
            natrium.close();
        }
    }

    @Test
    void infoAsksForAuthenticationWithANonce() {
        assertAlike(server -> {
            JsonNode info = info(server);
            return info.path("auth_required").asBoolean() + " nonce " + !info.path("nonce").asText().isEmpty();
        }, "true nonce true");
    }

    @Test
    void aValidUserIsInAndExchangesMessages() {
        String jwt = TestJwt.user(APP, newUser(), "alice", TestJwt.unlimitedUser(), 0);
        assertAlike(server -> pubSub(server, credsFor(jwt, lastUser)), "received hello");
    }

    @Test
    void usersSignedByTheAccountsSigningKeyAreIn() {
        Map<String, Object> nats = new LinkedHashMap<>(TestJwt.unlimitedUser());
        nats.put("issuer_account", APP.publicKey());
        String jwt = TestJwt.user(APP_SIGNER, newUser(), "signed", nats, 0);
        assertAlike(server -> pubSub(server, credsFor(jwt, lastUser)), "received hello");
    }

    @Test
    void aScopedSigningKeysTemplateDecidesThePermissions() {
        String jwt = TestJwt.user(APP_SCOPED, newUser(), "blue", Map.of("issuer_account", APP.publicKey()), 0);
        AuthHandler creds = credsFor(jwt, lastUser);
        assertAlike(server -> publishErrors(server, creds, "team.blue.x", "team.red.x"),
                "[Permissions Violation for Publish to \"team.red.x\"]");
    }

    @Test
    void refusedUsersAreRefusedAlike() {
        long past = Instant.now().getEpochSecond() - 10;
        String expired = TestJwt.user(APP, newUser(), "expired", TestJwt.unlimitedUser(), past);
        AuthHandler expiredCreds = credsFor(expired, lastUser);
        String revoked = TestJwt.user(APP, REVOKED, "revoked", TestJwt.unlimitedUser(), 0);
        AuthHandler revokedCreds = credsFor(revoked, REVOKED);
        TestNKey unknownAccount = TestNKey.account();
        String stranger = TestJwt.user(unknownAccount, newUser(), "stranger", TestJwt.unlimitedUser(), 0);
        AuthHandler strangerCreds = credsFor(stranger, lastUser);
        String forged = TestJwt.user(TestNKey.account(), newUser(), "forged",
                Map.of("issuer_account", APP.publicKey()), 0);
        AuthHandler forgedCreds = credsFor(forged, lastUser);
        String good = TestJwt.user(APP, newUser(), "good", TestJwt.unlimitedUser(), 0);
        AuthHandler wrongSignature = credsFor(good, TestNKey.user());

        for (AuthHandler refused : List.of(expiredCreds, revokedCreds, strangerCreds, forgedCreds, wrongSignature)) {
            assertAlike(server -> outcome(server, refused), "refused: Authorization Violation");
        }
        assertAlike(server -> outcome(server, null), "refused: Authorization Violation");
    }

    @Test
    void bearerTokensNeedNoSignatureUnlessTheAccountDisallowsThem() {
        Map<String, Object> bearer = new LinkedHashMap<>(TestJwt.unlimitedUser());
        bearer.put("bearer_token", true);
        AuthHandler appBearer = credsFor(TestJwt.user(APP, newUser(), "b1", bearer, 0), TestNKey.user());
        AuthHandler refusedBearer = credsFor(TestJwt.user(NO_BEARER, newUser(), "b2", bearer, 0), TestNKey.user());

        assertAlike(server -> outcome(server, appBearer), "connected");
        assertAlike(server -> outcome(server, refusedBearer), "refused: Authorization Violation");
    }

    @Test
    void theUsersSubscriptionLimitAndTheAccountsConnectionLimitApply() {
        Map<String, Object> oneSub = new LinkedHashMap<>(TestJwt.unlimitedUser());
        oneSub.put("subs", 1);
        AuthHandler limited = credsFor(TestJwt.user(APP, newUser(), "one-sub", oneSub, 0), lastUser);
        assertAlike(server -> secondSubscription(server, limited), "[maximum subscriptions exceeded]");

        AuthHandler first = credsFor(TestJwt.user(SINGLE, newUser(), "first", TestJwt.unlimitedUser(), 0), lastUser);
        AuthHandler second = credsFor(TestJwt.user(SINGLE, newUser(), "second", TestJwt.unlimitedUser(), 0),
                lastUser);
        assertAlike(server -> {
            try (Connection ignored = Nats.connect(options(server).authHandler(first).build())) {
                return outcome(server, second);
            } catch (Exception e) {
                return "first failed: " + e;
            }
        }, "refused: maximum account active connections exceeded");
    }

    /**
     * A limit of 0 is a limit, -1 none: a user JWT without {@code subs} or an account with {@code subs} 0 is told
     * {@code maximum subscriptions exceeded} at once and closed, a user JWT without {@code payload} may publish
     * nothing but empty messages, and an account with {@code conn} 0 takes no client.
     */
    @Test
    void limitsOfZeroAreEnforced() {
        AuthHandler noSubs = credsFor(TestJwt.user(APP, newUser(), "no-subs", Map.of("payload", -1), 0), lastUser);
        assertAlike(server -> firstError(server, noSubs), "[maximum subscriptions exceeded]");

        AuthHandler accountNoSubs = credsFor(TestJwt.user(ZERO_SUBSCRIPTIONS, newUser(), "in-zero-subs",
                TestJwt.unlimitedUser(), 0), lastUser);
        assertAlike(server -> firstError(server, accountNoSubs), "[maximum subscriptions exceeded]");

        AuthHandler noPayload = credsFor(TestJwt.user(APP, newUser(), "no-payload", Map.of("subs", -1), 0),
                lastUser);
        assertAlike(server -> payloadErrors(server, noPayload), "[Maximum Payload Violation]");

        AuthHandler noConnections = credsFor(TestJwt.user(ZERO_CONNECTIONS, newUser(), "zero-conn",
                TestJwt.unlimitedUser(), 0), lastUser);
        assertAlike(server -> outcome(server, noConnections), "refused: maximum account active connections exceeded");
    }

    /** The errors after an empty message, allowed, and a one-byte one. */
    private static String payloadErrors(ServerProcess server, AuthHandler creds) {
        Errors errors = new Errors();
        try (Connection client = Nats.connect(options(server).authHandler(creds).errorListener(errors).build())) {
            client.publish("empty", new byte[0]);
            client.publish("one", new byte[] {1});
            return errors.awaitOne().toString();
        } catch (Exception e) {
            return "failed: " + e.getMessage();
        }
    }

    /** The first error the server sends a client right after it connected, or the one that refused it. */
    private static String firstError(ServerProcess server, AuthHandler creds) {
        Errors errors = new Errors();
        try (Connection ignored = Nats.connect(options(server).authHandler(creds).errorListener(errors).build())) {
            return errors.awaitOne().toString();
        } catch (Exception e) {
            List<String> seen = errors.sofar();
            return seen.isEmpty() ? "failed: " + e.getMessage() : seen.toString();
        }
    }

    @Test
    void aRefusalIsLoggedAsAnAuthenticationError() throws Exception {
        outcome(reference, null);
        outcome(natrium, null);

        for (ServerProcess server : List.of(reference, natrium)) {
            server.awaitLog(" - authentication error", TIMEOUT);
        }
    }

    private static TestNKey lastUser;

    private static TestNKey newUser() {
        lastUser = TestNKey.user();
        return lastUser;
    }

    private static void assertAlike(Function<ServerProcess, String> scenario, String expected) {
        String fromReference = scenario.apply(reference);
        String fromNatrium = scenario.apply(natrium);

        assertThat(fromReference).as("nats-server 2.9.10").isEqualTo(expected);
        assertThat(fromNatrium).as("Natrium, beside nats-server").isEqualTo(fromReference);
    }

    private static Options.Builder options(ServerProcess server) {
        return new Options.Builder().server("nats://127.0.0.1:" + server.port()).connectionTimeout(TIMEOUT)
                .noReconnect();
    }

    /** A creds handler: the JWT, and the nonce signed by {@code signer} (the user's key, or another). */
    private static AuthHandler credsFor(String jwt, TestNKey signer) {
        try {
            Path file = TestJwt.credsFile(Files.createTempFile(dir, "user-", ".creds"), jwt, signer);
            return Nats.credentials(file.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * "connected", or "refused: " and the server's error: jnats reports it in the exception, its cause, or (when the
     * server closed first) only to the error listener.
     */
    private static String outcome(ServerProcess server, AuthHandler creds) {
        Errors errors = new Errors();
        Options.Builder options = options(server).connectionTimeout(Duration.ofSeconds(2)).errorListener(errors);
        if (creds != null) {
            options.authHandler(creds);
        }
        try (Connection ignored = Nats.connect(options.build())) {
            return "connected";
        } catch (Exception e) {
            List<String> texts = new ArrayList<>(errors.sofar());
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                texts.add(String.valueOf(cause.getMessage()));
            }
            for (String known : List.of("Authorization Violation", "maximum account active connections exceeded")) {
                if (texts.stream().anyMatch(text -> text.contains(known))) {
                    return "refused: " + known;
                }
            }
            return "refused: " + texts;
        }
    }

    private static String pubSub(ServerProcess server, AuthHandler creds) {
        try (Connection client = Nats.connect(options(server).authHandler(creds).build())) {
            Subscription subscription = client.subscribe("greetings");
            client.publish("greetings", "hello".getBytes(UTF_8));
            Message message = subscription.nextMessage(TIMEOUT);
            return message == null ? "nothing received" : "received " + new String(message.getData(), UTF_8);
        } catch (Exception e) {
            return "failed: " + e.getMessage();
        }
    }

    /** The errors the server sends after two publishes, the first allowed and the second denied. */
    private static String publishErrors(ServerProcess server, AuthHandler creds, String allowed, String denied) {
        Errors errors = new Errors();
        try (Connection client = Nats.connect(options(server).authHandler(creds).errorListener(errors).build())) {
            client.publish(allowed, new byte[0]);
            client.publish(denied, new byte[0]);
            return errors.awaitOne().toString();
        } catch (Exception e) {
            return "failed: " + e.getMessage();
        }
    }

    private static String secondSubscription(ServerProcess server, AuthHandler creds) {
        Errors errors = new Errors();
        try (Connection client = Nats.connect(options(server).authHandler(creds).errorListener(errors).build())) {
            client.subscribe("one");
            client.subscribe("two");
            return errors.awaitOne().toString();
        } catch (Exception e) {
            return "failed: " + e.getMessage();
        }
    }

    private static JsonNode info(ServerProcess server) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8)).readLine();
            return new ObjectMapper().readTree(line.substring("INFO ".length()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The -ERR texts a connection gets. */
    private static final class Errors implements ErrorListener {

        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @Override
        public void errorOccurred(Connection connection, String error) {
            received.add(error);
        }

        List<String> sofar() {
            return List.copyOf(received);
        }

        /** The first error, within the timeout, and any that came with it. */
        List<String> awaitOne() throws InterruptedException {
            List<String> errors = new ArrayList<>();
            String first = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (first != null) {
                errors.add(first);
                received.drainTo(errors);
            }
            return errors;
        }
    }
}
