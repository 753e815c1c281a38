package io.natrium.bootstrap.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Authentication of WebSocket clients with jnats over {@code ws://}: credentials in cookies of the upgrade request
 * (named by {@code user_cookie}, {@code pass_cookie}, {@code token_cookie}), used where CONNECT has none; the
 * {@code websocket} block's own {@code authorization} and {@code no_auth_user}, which apply to WebSocket clients only.
 */
class JnatsWebsocketAuthIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String COOKIES = "user_cookie: natsuser, pass_cookie: natspass, token_cookie: natstoken";

    @Test
    void userAndPasswordCookiesAuthenticateAWebsocketClient() throws Exception {
        String config = "websocket { port: -1, no_tls: true, " + COOKIES + " }\n"
                + "authorization { users: [{user: alice, password: secret}] }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            try (Connection web = Nats.connect(ws(server).httpRequestInterceptor(
                    request -> request.getHeaders().add("Cookie", "natsuser=alice; natspass=secret")).build())) {
                assertRoundTrip(web);
            }
            assertRefused(ws(server));
            assertRefused(ws(server).httpRequestInterceptor(
                    request -> request.getHeaders().add("Cookie", "natsuser=alice; natspass=wrong")));
        }
    }

    @Test
    void credentialsInConnectWinOverCookies() throws Exception {
        String config = "websocket { port: -1, no_tls: true, " + COOKIES + " }\n"
                + "authorization { users: [{user: alice, password: secret}] }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config);
                Connection web = Nats.connect(ws(server).userInfo("alice", "secret").httpRequestInterceptor(
                        request -> request.getHeaders().add("Cookie", "natsuser=mallory; natspass=wrong")).build())) {
            assertRoundTrip(web);
        }
    }

    @Test
    void aTokenCookieAuthenticatesAWebsocketClient() throws Exception {
        String config = "websocket { port: -1, no_tls: true, " + COOKIES + " }\n"
                + "authorization { token: s3cret }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            try (Connection web = Nats.connect(ws(server).httpRequestInterceptor(
                    request -> request.getHeaders().add("Cookie", "natstoken=s3cret")).build())) {
                assertRoundTrip(web);
            }
            assertRefused(ws(server).httpRequestInterceptor(
                    request -> request.getHeaders().add("Cookie", "natstoken=guess")));
        }
    }

    @Test
    void theWebsocketBlocksAuthorizationAppliesToWebsocketClientsOnly() throws Exception {
        String config = "websocket { port: -1, no_tls: true, authorization { user: web, password: webpass } }\n"
                + "authorization { user: tcp, password: tcppass }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            try (Connection web = Nats.connect(ws(server).userInfo("web", "webpass").build());
                    Connection tcp = Nats.connect(tcp(server).userInfo("tcp", "tcppass").build())) {
                assertRoundTrip(web);
                assertRoundTrip(tcp);
            }
            assertRefused(ws(server).userInfo("tcp", "tcppass"));
            assertRefused(tcp(server).userInfo("web", "webpass"));
        }
    }

    @Test
    void theWebsocketBlocksNoAuthUserLetsWebsocketClientsInWithoutCredentials() throws Exception {
        String config = "websocket { port: -1, no_tls: true, no_auth_user: guest }\n"
                + "authorization { users: [{user: guest, password: guestpass, permissions: {publish: \"open.>\","
                + " subscribe: \"open.>\"}}] }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            try (Connection web = Nats.connect(ws(server).build())) {
                Subscription open = web.subscribe("open.door");
                web.flush(TIMEOUT);
                web.publish("open.door", "in".getBytes(StandardCharsets.UTF_8));
                assertThat(text(open.nextMessage(TIMEOUT))).isEqualTo("in");
            }
            assertRefused(tcp(server));
        }
    }

    /**
     * In operator mode the {@code jwt_cookie} carries the user JWT: a bearer token needs nothing else, a JWT that
     * must sign the nonce is refused without the signature CONNECT would bring, and no cookie is no JWT.
     */
    @Test
    void aJwtCookieCarriesTheUserJwtInOperatorMode() throws Exception {
        TestNKey operator = TestNKey.operator();
        TestNKey account = TestNKey.account();
        String config = "operator: \"" + TestJwt.operator(operator, "ops", Map.of()) + "\"\n"
                + "resolver: MEMORY\n"
                + "resolver_preload: { " + account.publicKey() + ": \"" + TestJwt.account(operator, account, "APP",
                        Map.of("limits", TestJwt.unlimitedAccount())) + "\" }\n"
                + "websocket { port: -1, no_tls: true, jwt_cookie: natsjwt }\n";
        Map<String, Object> bearer = new LinkedHashMap<>(TestJwt.unlimitedUser());
        bearer.put("bearer_token", true);
        String bearerJwt = TestJwt.user(account, TestNKey.user(), "browser", bearer, 0);
        String signingJwt = TestJwt.user(account, TestNKey.user(), "signer", TestJwt.unlimitedUser(), 0);
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            try (Connection web = Nats.connect(ws(server).httpRequestInterceptor(
                    request -> request.getHeaders().add("Cookie", "natsjwt=" + bearerJwt)).build())) {
                assertRoundTrip(web);
            }
            assertRefused(ws(server).httpRequestInterceptor(
                    request -> request.getHeaders().add("Cookie", "natsjwt=" + signingJwt)));
            assertRefused(ws(server));
        }
    }

    private static Options.Builder ws(ConfiguredServer server) {
        return new Options.Builder().server("ws://127.0.0.1:" + server.websocketPort()).connectionTimeout(TIMEOUT)
                .noReconnect();
    }

    private static Options.Builder tcp(ConfiguredServer server) {
        return new Options.Builder().server(server.url()).connectionTimeout(TIMEOUT).noReconnect();
    }

    private static void assertRoundTrip(Connection connection) throws Exception {
        Subscription echo = connection.subscribe("echo");
        connection.flush(TIMEOUT);
        connection.publish("echo", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(text(echo.nextMessage(TIMEOUT))).isEqualTo("hello");
    }

    private static void assertRefused(Options.Builder options) {
        assertThatThrownBy(() -> Nats.connect(options.build()).close())
                .hasMessageContaining("Authorization Violation");
    }

    private static String text(Message message) {
        assertThat(message).as("a message within " + TIMEOUT).isNotNull();
        return new String(message.getData(), StandardCharsets.UTF_8);
    }
}
