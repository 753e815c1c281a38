package io.natrium.bootstrap.resolver;

import static io.natrium.bootstrap.resolver.OperatorFixture.awaitClosed;
import static io.natrium.bootstrap.resolver.OperatorFixture.connect;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The full directory resolver, the Debian nats-server 2.9.10 beside Natrium, each with a directory of its own and the
 * same generated operator, system account and accounts: account JWTs pushed over {@code $SYS} are answered alike and
 * change both servers alike (a revoked user, a lowered connection limit, a deleted account), and LIST and LOOKUP
 * answer the same. Replies are compared as sent, with only the server's own identity masked.
 */
class ResolverDifferentialIT {

    private static final Duration TIMEOUT = OperatorFixture.TIMEOUT;
    private static final TestNKey APP = TestNKey.account();
    private static final TestNKey LIMITED = TestNKey.account();
    private static final TestNKey DOOMED = TestNKey.account();

    private static OperatorFixture fixture;
    private static ServerProcess reference;
    private static ServerProcess natrium;

    @BeforeAll
    static void startBoth() throws Exception {
        Path dir = Files.createTempDirectory("natrium-resolver-differential-");
        fixture = new OperatorFixture(dir);
        Map<String, String> preload = new LinkedHashMap<>();
        preload.put(APP.publicKey(), account(APP, "APP", Map.of()));
        preload.put(LIMITED.publicKey(), account(LIMITED, "LIMITED", Map.of()));
        preload.put(DOOMED.publicKey(), account(DOOMED, "DOOMED", Map.of()));
        reference = ServerProcess.start(ExternalTools.natsServer(),
                fixture.fullResolverArguments("reference", dir.resolve("reference-jwt"), preload),
                Duration.ofSeconds(10));
        natrium = ServerProcess.start(ServerProcess.natriumLauncher(),
                fixture.fullResolverArguments("natrium", dir.resolve("natrium-jwt"), preload), Duration.ofSeconds(180));
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
    void claimUpdatesAreAnsweredAlike() {
        String pushed = account(APP, "APP", Map.of("tags", List.of("pushed")));
        String wrongSubject = "$SYS.REQ.ACCOUNT." + LIMITED.publicKey() + ".CLAIMS.UPDATE";

        assertAlike(server -> request(server, "$SYS.REQ.CLAIMS.UPDATE", pushed),
                "{\"data\":{\"account\":\"" + APP.publicKey() + "\",\"code\":200,\"message\":\"jwt updated\"},"
                        + "\"server\":{…}}");
        assertAlike(server -> request(server, "$SYS.REQ.ACCOUNT." + APP.publicKey() + ".CLAIMS.UPDATE", pushed),
                "{\"data\":{\"account\":\"" + APP.publicKey() + "\",\"code\":200,\"message\":\"jwt updated\"},"
                        + "\"server\":{…}}");
        assertAlike(server -> request(server, "$SYS.REQ.CLAIMS.UPDATE", "garbage"),
                "{\"error\":{\"account\":\"n/a\",\"code\":500,\"description\":\"jwt update resulted in error - "
                        + "expected 3 chunks\"},\"server\":{…}}");
        assertAlike(server -> request(server, wrongSubject, pushed),
                "{\"error\":{\"account\":\"" + LIMITED.publicKey() + "\",\"code\":500,\"description\":\"jwt update "
                        + "resulted in error - subject does not match jwt content\"},\"server\":{…}}");
    }

    @Test
    void listAndLookupAnswerAlike() {
        String pushed = account(APP, "APP", Map.of("tags", List.of("looked-up")));
        assertAlike(server -> request(server, "$SYS.REQ.CLAIMS.UPDATE", pushed).contains("jwt updated") + "",
                "true");

        assertAlike(server -> request(server, "$SYS.REQ.ACCOUNT." + APP.publicKey() + ".CLAIMS.LOOKUP", ""),
                pushed);
        assertAlike(server -> {
            String list = request(server, "$SYS.REQ.CLAIMS.LIST", "");
            return List.of(fixture.system, APP, LIMITED).stream().allMatch(key -> list.contains(key.publicKey())) + "";
        }, "true");
    }

    @Test
    void aRevokedUserIsDisconnectedOnBoth() {
        TestNKey user = TestNKey.user();
        AuthHandler creds = creds(TestJwt.user(APP, user, "to-revoke", TestJwt.unlimitedUser(), 0), user);
        Map<String, Object> revoked = Map.of("revocations", Map.of(user.publicKey(),
                Instant.now().getEpochSecond() + 1));

        assertAlike(server -> closedAfterPush(server, creds, account(APP, "APP", revoked)),
                "[User Authentication Revoked] then closed");
    }

    @Test
    void aLoweredConnectionLimitKeepsTheNewestClientsAndTurnsTheOthersAway() {
        Map<String, Object> one = new LinkedHashMap<>(TestJwt.unlimitedAccount());
        one.put("conn", 1);
        assertAlike(server -> {
            BlockingQueue<String> oldestErrors = new LinkedBlockingQueue<>();
            BlockingQueue<String> newestErrors = new LinkedBlockingQueue<>();
            TestNKey first = TestNKey.user();
            TestNKey second = TestNKey.user();
            try (Connection oldest = connect(server, creds(TestJwt.user(LIMITED, first, "first",
                    TestJwt.unlimitedUser(), 0), first), oldestErrors);
                    Connection newest = connect(server, creds(TestJwt.user(LIMITED, second, "second",
                            TestJwt.unlimitedUser(), 0), second), newestErrors)) {
                String reply = request(server, "$SYS.REQ.CLAIMS.UPDATE", account(LIMITED, "LIMITED",
                        Map.of("limits", one)));
                return (reply.contains("jwt updated") ? "" : reply) + "oldest " + awaitClosed(oldest, oldestErrors)
                        + ", newest " + newest.getStatus().name().toLowerCase() + " " + newestErrors;
            } catch (Exception e) {
                return "failed: " + e;
            } finally {
                request(server, "$SYS.REQ.CLAIMS.UPDATE", account(LIMITED, "LIMITED", Map.of()));
            }
        }, "oldest [maximum account active connections exceeded] then closed, newest connected []");
    }

    @Test
    void aDeletedAccountsClientsAreClosedAsExpired() {
        TestNKey user = TestNKey.user();
        AuthHandler creds = creds(TestJwt.user(DOOMED, user, "doomed", TestJwt.unlimitedUser(), 0), user);
        Map<String, Object> claims = TestJwt.claims(fixture.operator, fixture.operator.publicKey(), "", "generic",
                Map.of("accounts", List.of(DOOMED.publicKey())), 0);
        // A generic claim as the JWT library writes one for a delete request: the accounts and nothing else.
        @SuppressWarnings("unchecked")
        Map<String, Object> nats = (Map<String, Object>) claims.get("nats");
        nats.remove("type");
        nats.remove("version");
        claims.remove("name");
        String deletion = TestJwt.sign(fixture.operator, claims);

        assertAlike(server -> {
            BlockingQueue<String> errors = new LinkedBlockingQueue<>();
            try (Connection client = connect(server, creds, errors)) {
                String reply = request(server, "$SYS.REQ.CLAIMS.DELETE", deletion);
                return reply + " " + awaitClosed(client, errors);
            } catch (Exception e) {
                return "failed: " + e;
            }
        }, "{\"data\":{\"code\":200,\"message\":\"deleted 1 accounts\"},\"server\":{…}} "
                + "[Account Authentication Expired] then closed");
    }

    @Test
    void anAccountExpiringWhileItsClientIsConnectedClosesItAlike() {
        assertAlike(server -> {
            TestNKey account = TestNKey.account();
            TestNKey user = TestNKey.user();
            // Expires 4 s after the push: time enough to connect on a loaded machine, little to wait.
            long expires = Instant.now().getEpochSecond() + 4;
            Map<String, Object> claims = TestJwt.claims(fixture.operator, account.publicKey(), "BRIEF", "account",
                    Map.of("limits", TestJwt.unlimitedAccount()), expires);
            String pushed = request(server, "$SYS.REQ.CLAIMS.UPDATE", TestJwt.sign(fixture.operator, claims));
            BlockingQueue<String> errors = new LinkedBlockingQueue<>();
            try (Connection client = connect(server, creds(TestJwt.user(account, user, "brief",
                    TestJwt.unlimitedUser(), 0), user), errors)) {
                return (pushed.contains("jwt updated") ? "" : pushed) + awaitClosed(client, errors);
            } catch (Exception e) {
                return "failed: " + e;
            }
        }, "[Account Authentication Expired] then closed");
    }

    private static String closedAfterPush(ServerProcess server, AuthHandler creds, String accountJwt) {
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        try (Connection client = connect(server, creds, errors)) {
            String reply = request(server, "$SYS.REQ.CLAIMS.UPDATE", accountJwt);
            if (!reply.contains("jwt updated")) {
                return "update refused: " + reply;
            }
            return awaitClosed(client, errors);
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    private static void assertAlike(Function<ServerProcess, String> scenario, String expected) {
        OperatorFixture.assertAlike(reference, natrium, scenario, expected);
    }

    private static String account(TestNKey account, String name, Map<String, Object> nats) {
        return fixture.account(account, name, nats);
    }

    private static AuthHandler creds(String jwt, TestNKey user) {
        return fixture.creds(jwt, user);
    }

    private static String request(ServerProcess server, String subject, String body) {
        return fixture.request(server, subject, body);
    }
}
