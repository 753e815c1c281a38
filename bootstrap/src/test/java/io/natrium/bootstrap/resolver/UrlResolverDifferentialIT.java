package io.natrium.bootstrap.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.AuthHandler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The URL resolver, nats-server 2.9.10 beside Natrium, both fetching accounts from one test account server (the
 * JDK's HTTP server) that answers, sends garbage, answers too slowly, or goes away: clients of a fetched account are
 * let in, the others refused alike, and an account once fetched is held.
 */
class UrlResolverDifferentialIT {

    private static final TestNKey GOOD = TestNKey.account();
    private static final TestNKey GARBAGE = TestNKey.account();
    private static final TestNKey SLOW = TestNKey.account();
    private static final TestNKey UNKNOWN = TestNKey.account();
    private static final TestNKey IMPORTER = TestNKey.account();
    private static final TestNKey EXPORTER = TestNKey.account();
    private static final Map<String, Integer> FETCHES = new ConcurrentHashMap<>();
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    private static OperatorFixture fixture;
    private static HttpServer accountServer;
    private static ServerProcess reference;
    private static ServerProcess natrium;
    private static HttpServer vanishingServer;
    private static ServerProcess referenceAlone;
    private static ServerProcess natriumAlone;
    /** The answers of an account server that does not know the system account at first. */
    private static final Map<String, String> LATE_ANSWERS = new ConcurrentHashMap<>();
    private static HttpServer lateServer;
    private static ServerProcess referenceBootstrapping;
    private static ServerProcess natriumBootstrapping;

    @BeforeAll
    static void startAll() throws Exception {
        Path dir = Files.createTempDirectory("natrium-url-resolver-");
        fixture = new OperatorFixture(dir);
        Map<String, String> answers = Map.of(fixture.system.publicKey(), fixture.account(fixture.system, "SYS",
                Map.of()), GOOD.publicKey(), fixture.account(GOOD, "GOOD", Map.of()), GARBAGE.publicKey(),
                "garbage, not a JWT", IMPORTER.publicKey(), fixture.account(IMPORTER, "IMPORTER", Map.of("imports",
                        List.of(Map.of("subject", "news", "account", EXPORTER.publicKey(), "type", "stream")))),
                EXPORTER.publicKey(), fixture.account(EXPORTER, "EXPORTER", Map.of("exports",
                        List.of(Map.of("subject", "news", "type", "stream")))));
        LATE_ANSWERS.put(GOOD.publicKey(), answers.get(GOOD.publicKey()));
        lateServer = accountServer(LATE_ANSWERS);
        accountServer = accountServer(answers);
        vanishingServer = accountServer(answers);
        reference = ServerProcess.start(ExternalTools.natsServer(), config(dir, "reference", url(accountServer)),
                Duration.ofSeconds(10));
        natrium = ServerProcess.start(ServerProcess.natriumLauncher(), config(dir, "natrium", url(accountServer)),
                Duration.ofSeconds(180));
        referenceAlone = ServerProcess.start(ExternalTools.natsServer(),
                config(dir, "reference-alone", url(vanishingServer)), Duration.ofSeconds(10));
        natriumAlone = ServerProcess.start(ServerProcess.natriumLauncher(),
                config(dir, "natrium-alone", url(vanishingServer)), Duration.ofSeconds(180));
        referenceBootstrapping = ServerProcess.start(ExternalTools.natsServer(),
                config(dir, "reference-bootstrapping", url(lateServer)), Duration.ofSeconds(10));
        natriumBootstrapping = ServerProcess.start(ServerProcess.natriumLauncher(),
                config(dir, "natrium-bootstrapping", url(lateServer)), Duration.ofSeconds(180));
    }

    /**
     * An account server answering {@code /jwt/v1/accounts/<account>} from {@code answers} (404 for others, 200 for
     * none: nats-server checks that at start), slowly for {@link #SLOW}, counting the fetches.
     */
    private static HttpServer accountServer(Map<String, String> answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/jwt/v1/accounts/", exchange -> {
            String account = exchange.getRequestURI().getPath().substring("/jwt/v1/accounts/".length());
            if (account.isEmpty()) {
                reply(exchange, 200, "");
                return;
            }
            FETCHES.merge(account, 1, Integer::sum);
            if (account.equals(SLOW.publicKey())) {
                awaitRelease();
            }
            String answer = answers.get(account);
            reply(exchange, answer == null ? 404 : 200, answer == null ? "not found" : answer);
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwt/v1/accounts/";
    }

    @AfterAll
    static void stopAll() throws Exception {
        RELEASE.countDown();
        for (ServerProcess server : new ServerProcess[] {reference, natrium, referenceAlone, natriumAlone,
            referenceBootstrapping, natriumBootstrapping}) {
            if (server != null) {
                server.close();
            }
        }
        for (HttpServer server : new HttpServer[] {accountServer, vanishingServer, lateServer}) {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @Test
    void aFetchedAccountsClientsAreInAndTheAccountIsHeld() {
        AuthHandler first = fixture.newUser(GOOD);
        AuthHandler second = fixture.newUser(GOOD);

        assertAlike(server -> fixture.outcome(server, first) + ", " + fixture.outcome(server, second),
                "connected, connected");
        // One fetch each for nats-server and Natrium; the second client found the account held.
        assertThat(FETCHES.get(GOOD.publicKey())).isEqualTo(2);
    }

    @Test
    void theAccountsAnAccountImportsFromAreFetchedWithIt() throws Exception {
        AuthHandler importer = fixture.newUser(IMPORTER);

        assertAlike(server -> fixture.outcome(server, importer), "connected");
        // No client of the exporter came: nats-server and Natrium each fetched it for the importer's import.
        assertThat(FETCHES.get(EXPORTER.publicKey())).isEqualTo(2);
        assertThat(FETCHES.get(IMPORTER.publicKey())).isEqualTo(2);
    }

    @Test
    void aSystemAccountNotFetchedAtStartIsAskedForEverySecondUntilItComes() throws Exception {
        for (ServerProcess server : List.of(referenceBootstrapping, natriumBootstrapping)) {
            server.awaitLog("Using bootstrapping system account", Duration.ofSeconds(10));
            assertThat(server.log()).content().as("%s", server).doesNotContain("System account fetched");
        }
        int asked = FETCHES.get(fixture.system.publicKey());
        LATE_ANSWERS.put(fixture.system.publicKey(), fixture.account(fixture.system, "SYS", Map.of()));

        for (ServerProcess server : List.of(referenceBootstrapping, natriumBootstrapping)) {
            server.awaitLog("System account fetched and updated", Duration.ofSeconds(20));
        }
        assertThat(FETCHES.get(fixture.system.publicKey())).as("asked again after the start").isGreaterThan(asked);
    }

    @Test
    void garbageAnUnknownAccountAndASlowServerAreRefused() {
        for (TestNKey account : List.of(GARBAGE, UNKNOWN, SLOW)) {
            AuthHandler user = fixture.newUser(account);
            assertAlike(server -> refusal(fixture.outcome(server, user)), "refused: Authorization Violation");
        }
    }

    @Test
    void anAccountServerGoneDownLetsNoClientOfAnAccountNotHeldIn() {
        vanishingServer.stop(0);
        AuthHandler user = fixture.newUser(GOOD);

        OperatorFixture.assertAlike(referenceAlone, natriumAlone, server -> refusal(fixture.outcome(server, user)),
                "refused: Authorization Violation");
    }

    private static String refusal(String outcome) {
        return outcome.contains("Authorization Violation") ? "refused: Authorization Violation" : outcome;
    }

    private static void assertAlike(Function<ServerProcess, String> scenario, String expected) {
        OperatorFixture.assertAlike(reference, natrium, scenario, expected);
    }

    private static List<String> config(Path dir, String name, String url) throws IOException {
        String config = """
                operator: "%s"
                resolver: URL("%s")
                # A creds client on a loaded machine may take longer than the default 2 s to sign the nonce.
                authorization { timeout: 10 }
                """.formatted(TestJwt.operator(fixture.operator, "ops",
                Map.of("system_account", fixture.system.publicKey())), url);
        return List.of("-c", Files.writeString(dir.resolve(name + ".conf"), config).toString());
    }

    private static void awaitRelease() {
        try {
            RELEASE.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
