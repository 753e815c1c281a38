package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.OperatorCalloutFixture.assertRefused;
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
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.Connection;
import io.nats.client.Subscription;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Operator mode's auth callout with the URL resolver: the account a grant places its user in is fetched from the
 * account server (the JDK's HTTP server here) before the client is let in, as nats-server's {@code processReply}
 * looks it up; an account the server cannot give refuses the client with nats-server's warning. Two callout
 * accounts, in clear (AUTH) and with an xkey (SEALED), each with its jnats service. nats-server 2.9.10 has no auth
 * callout: the texts follow the current {@code auth_callout.go} and {@code URLAccResolver.Fetch}.
 */
class JnatsCalloutAccountFetchIT {

    private static final String PATH = "/jwt/v1/accounts/";
    private static final TestNKey SYSTEM = TestNKey.account();
    private static final TestNKey AUTH = TestNKey.account();
    private static final TestNKey SEALED = TestNKey.account();
    /** Where AUTH's and SEALED's grants go: held by the account server only, until a grant needs them. */
    private static final TestNKey APP = TestNKey.account();
    private static final TestNKey SEALED_APP = TestNKey.account();
    /** Unknown to the account server (404), and answered with garbage. */
    private static final TestNKey GONE = TestNKey.account();
    private static final TestNKey BROKEN = TestNKey.account();
    private static final TestNKey AUTH_SERVICE = TestNKey.user();
    private static final TestNKey SEALED_SERVICE = TestNKey.user();
    private static final Map<String, Integer> FETCHES = new ConcurrentHashMap<>();

    private static CalloutLog log;
    private static OperatorCalloutFixture fixture;
    private static HttpServer accountServer;
    private static ConfiguredServer server;
    private static CalloutResponder authService;
    private static CalloutResponder sealedService;

    @BeforeAll
    static void start() throws Exception {
        log = new CalloutLog();
        fixture = new OperatorCalloutFixture(Files.createTempDirectory("natrium-callout-fetch-"));
        NkeysSealing serviceXkey = CalloutResponder.newXkey();
        Map<String, String> answers = new ConcurrentHashMap<>();
        answers.put(SYSTEM.publicKey(), fixture.account(SYSTEM, "SYS", Map.of()));
        answers.put(AUTH.publicKey(), fixture.calloutAccount(AUTH, "AUTH", AUTH_SERVICE, List.of(APP, GONE, BROKEN),
                null));
        answers.put(SEALED.publicKey(), fixture.calloutAccount(SEALED, "SEALED", SEALED_SERVICE,
                List.of(SEALED_APP, GONE, BROKEN), serviceXkey.publicKey()));
        answers.put(APP.publicKey(), fixture.account(APP, "APP", Map.of()));
        answers.put(SEALED_APP.publicKey(), fixture.account(SEALED_APP, "SEALED_APP", Map.of()));
        answers.put(BROKEN.publicKey(), "garbage, not a JWT");
        accountServer = accountServer(answers);
        String operator = TestJwt.operator(fixture.operator, "ops", Map.of("system_account", SYSTEM.publicKey()));
        server = ConfiguredServer.start("operator: \"" + operator + "\"\nresolver: URL(\"" + url() + "\")\n"
                // A creds client on a loaded machine may take longer than the default 2 s to sign the nonce.
                + "authorization { timeout: 10 }\n");
        authService = new CalloutResponder(connect(fixture.creds(server, AUTH, AUTH_SERVICE, "service")),
                null, request -> answer(AUTH, request));
        sealedService = new CalloutResponder(connect(fixture.creds(server, SEALED, SEALED_SERVICE, "service")),
                serviceXkey, request -> answer(SEALED, request));
    }

    /** An account server answering {@code <PATH><account>} from {@code answers}, 404 for others, counting fetches. */
    private static HttpServer accountServer(Map<String, String> answers) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(Executors.newCachedThreadPool());
        http.createContext(PATH, exchange -> {
            String account = exchange.getRequestURI().getPath().substring(PATH.length());
            FETCHES.merge(account, 1, Integer::sum);
            // nats-server asks for no account at start to see that the server is there.
            String answer = account.isEmpty() ? "" : answers.get(account);
            byte[] body = (answer == null ? "not found" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        return http;
    }

    private static String url() {
        return "http://127.0.0.1:" + accountServer.getAddress().getPort() + PATH;
    }

    @AfterAll
    static void stop() throws Exception {
        log.close();
        for (AutoCloseable closeable : new AutoCloseable[] {authService, sealedService, server}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (accountServer != null) {
            accountServer.stop(0);
        }
    }

    @ParameterizedTest(name = "sealed: {0}")
    @ValueSource(booleans = {false, true})
    void aGrantPlacesTheUserInTheAccountFetchedForIt(boolean sealed) throws Exception {
        TestNKey callout = sealed ? SEALED : AUTH;
        TestNKey target = sealed ? SEALED_APP : APP;
        assertThat(FETCHES).as("nothing asked for the account before the grant").doesNotContainKey(
                target.publicKey());

        try (Connection granted = connect(fixture.sentinel(server, callout, "grant"))) {
            assertThat(FETCHES).containsEntry(target.publicKey(), 1);
            try (Connection member = connect(fixture.creds(server, target, TestNKey.user(), "member"))) {
                Subscription inTarget = member.subscribe("allowed.>");
                Subscription own = granted.subscribe("allowed.>");
                flush(member, granted);

                granted.publish("allowed.fetched", bytes("hello"));

                assertThat(text(next(own))).isEqualTo("hello");
                assertThat(text(next(inTarget))).as("the granted user is in the fetched account").isEqualTo("hello");
            }
        }
        assertThat(FETCHES).as("held once fetched").containsEntry(target.publicKey(), 1);
    }

    @ParameterizedTest(name = "sealed: {0}")
    @ValueSource(booleans = {false, true})
    void aGrantToAnAccountTheAccountServerCannotGiveIsRefused(boolean sealed) throws Exception {
        TestNKey callout = sealed ? SEALED : AUTH;
        log.clear();

        assertRefused(server, callout, "gone");
        assertRefused(server, callout, "broken");

        String onAccount = " for auth callout response on account \"" + callout.publicKey() + "\": ";
        assertThat(log.warnings()).containsExactly(
                "No valid account \"" + GONE.publicKey() + "\"" + onAccount + "could not fetch <\"" + url()
                        + GONE.publicKey() + "\">: 404 Not Found",
                "No valid account \"" + BROKEN.publicKey() + "\"" + onAccount + "expected 3 chunks");
    }

    /** The service grants a user of the account the scenario names, issued by that account. */
    private static CalloutResponder.Answer answer(TestNKey callout, CalloutResponder.Request request) {
        TestNKey account = switch (scenario(request)) {
            case "grant" -> callout == SEALED ? SEALED_APP : APP;
            case "gone" -> GONE;
            case "broken" -> BROKEN;
            default -> throw new IllegalArgumentException("no scenario for " + scenario(request));
        };
        return grant(callout, account, request.userNkey(), request.serverId());
    }
}
