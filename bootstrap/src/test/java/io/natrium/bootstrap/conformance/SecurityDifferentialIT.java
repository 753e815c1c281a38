package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.connect;
import static io.natrium.bootstrap.conformance.Wire.pub;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authentication and authorization exchanges, each sent over raw TCP to the Debian nats-server and to Natrium started
 * with the same configuration file or flags; the answers (INFO lines masked) must be the same, errors, closes and
 * all. Multi-client behaviour (accounts, delivery to others) is in the jnats tests of the security package.
 */
class SecurityDifferentialIT {

    /** The known vector of Go's bcrypt tests: the hash of "allmine". */
    private static final String BCRYPT_ALLMINE = "$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga";

    /** The server setups the exchanges run against. */
    enum Setup {
        USERS("""
                authorization {
                  timeout: 1
                  users = [
                    {user: alice, password: pw}
                    {user: hashed, password: "%s"}
                    {user: limited, password: pw, permissions: {
                        publish: {allow: ["foo.*", "bar.>"], deny: ["foo.secret"]}
                        subscribe: {allow: ["foo.>", "q.* workers", "_INBOX.>"], deny: ["foo.hidden"]}}}
                    {user: responder, password: pw, permissions: {
                        publish: {allow: ["req.*"]}, subscribe: "req.*", allow_responses: true}}
                    {user: twice, password: pw, permissions: {
                        publish: {deny: ">"}, subscribe: "req.*", allow_responses: {max: 2, expires: "1m"}}}
                    {user: websocket_only, password: pw, allowed_connection_types: ["WEBSOCKET"]}
                    {nkey: UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4}
                  ]
                }
                """.formatted(BCRYPT_ALLMINE)),
        TOKEN_FLAG(null, "--auth", "s3cret"),
        BCRYPT_TOKEN("authorization { token: \"" + BCRYPT_ALLMINE + "\" }\n"),
        SINGLE_USER_FLAGS(null, "--user", "u", "--pass", "p"),
        NO_AUTH_USER("""
                authorization {
                  users = [
                    {user: guest, password: pw, permissions: {publish: "public.>", subscribe: "public.>"}}
                    {user: admin, password: pw}
                  ]
                }
                no_auth_user: guest
                """),
        MAPPINGS("""
                mappings = {
                  "orders.*": "orders.eu.$1"
                  "bar": "baz"
                  "split.*.*": "split.{{wildcard(2)}}.{{wildcard(1)}}"
                  "part.*": "part.{{partition(3,1)}}.{{wildcard(1)}}"
                  "hash.*.*": "hash.{{partition(5,1,2)}}.{{wildcard(1)}}.{{wildcard(2)}}"
                  "fn.*": "fn.{{splitfromleft(1,2)}}.{{slicefromright(1,2)}}"
                  "all": [{destination: "all.mapped", weight: 100%}]
                }
                accounts {
                  M: {users: [{user: m, password: m}], mappings: {"in.>": "out.>"}}
                }
                """),
        ACCOUNT_LIMITS("""
                accounts {
                  A: {users: [{user: a, password: a}]}
                  L: {users: [{user: l, password: l}], limits: {max_subscriptions: 2, max_payload: 8}}
                }
                """);

        private final String config;
        private final List<String> flags;

        Setup(String config, String... flags) {
            this.config = config;
            this.flags = List.of(flags);
        }
    }

    private static final Map<Setup, ServerProcess[]> SERVERS = new EnumMap<>(Setup.class);
    private static Path natsServerBinary;
    private static Path configs;

    @BeforeAll
    static void findTheReference() throws IOException {
        natsServerBinary = ExternalTools.natsServer();
        configs = Files.createTempDirectory("natrium-security-");
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        for (ServerProcess[] pair : SERVERS.values()) {
            for (ServerProcess server : pair) {
                server.close();
            }
        }
        SERVERS.clear();
    }

    static Stream<Arguments> exchanges() {
        return Stream.of(
                // Nothing but CONNECT before authenticating
                exchange(Setup.USERS, "PING\r\n"),
                exchange(Setup.USERS, "SUB foo 1\r\n"),
                exchange(Setup.USERS, "PUB foo 1\r\nx\r\n"),
                // Users, plain and bcrypt
                exchange(Setup.USERS, "CONNECT {}\r\n"),
                exchange(Setup.USERS, login("alice", "wrong")),
                exchange(Setup.USERS, login("alice", "pw") + "SUB foo 1\r\n" + pub("foo", "hi")),
                exchange(Setup.USERS, login("hashed", "allmine") + "SUB foo 1\r\n" + pub("foo", "hi")),
                exchange(Setup.USERS, login("hashed", BCRYPT_ALLMINE)),
                exchange(Setup.USERS, login("nobody", "pw")),
                exchange(Setup.USERS, connect("{\"verbose\":false,\"auth_token\":\"pw\"}")),
                exchange(Setup.USERS, login("alice", "pw") + login("alice", "wrong")),
                exchange(Setup.USERS, connect("{\"verbose\":false,\"user\":\"alice\",\"pass\":\"pw\",\"account\":\"A\"}")),
                exchange(Setup.USERS, login("websocket_only", "pw")),
                exchange(Setup.USERS, connect("{\"verbose\":false,\"nkey\":"
                        + "\"UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4\"}")),
                exchange(Setup.USERS, connect("{\"verbose\":false,\"nkey\":"
                        + "\"UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4\",\"sig\":\"AAAA\"}")),
                exchange(Setup.USERS, connect("{\"verbose\":false,\"nkey\":\"UNKNOWN\",\"sig\":\"AAAA\"}")),
                // Publish permissions: the error keeps the connection open
                exchange(Setup.USERS, login("limited", "pw") + "SUB foo.> 1\r\n" + pub("foo.a", "1")
                        + pub("foo.secret", "2") + pub("baz", "3") + pub("bar.x.y", "4") + pub("foo.b", "5")),
                exchange(Setup.USERS, connect("{\"verbose\":true,\"user\":\"limited\",\"pass\":\"pw\"}")
                        + pub("foo.secret", "x") + pub("foo.a", "y")),
                exchange(Setup.USERS, login("alice", "pw") + "SUB foo 1\r\n" + pub("foo", "_R_.abc", "x")
                        + pub("foo", "_GR_.abc.def", "y") + pub("foo", "$JS.ACK.s.c", "z") + pub("foo", "ok", "w")),
                // Subscribe permissions, queue entries and delivery-time denies
                exchange(Setup.USERS, login("limited", "pw") + "SUB foo.> 1\r\nSUB bar 2\r\nSUB q.a workers 3\r\n"
                        + "SUB q.a 4\r\nSUB q.a others 5\r\nSUB foo.hidden 6\r\nSUB foo.x _sys_ 7\r\n"
                        + pub("foo.hidden", "denied") + pub("foo.seen", "delivered")),
                exchange(Setup.USERS, login("alice", "pw") + "SUB foo _sys_ 1\r\n"),
                // allow_responses
                exchange(Setup.USERS, login("responder", "pw") + "SUB req.a 1\r\n" + pub("req.a", "inbox.1", "q")
                        + pub("inbox.1", "a") + pub("inbox.1", "again") + pub("inbox.2", "never")),
                exchange(Setup.USERS, login("twice", "pw") + "SUB req.a 1\r\n" + pub("req.a", "inbox.1", "q")),
                // Tokens
                exchange(Setup.TOKEN_FLAG, connect("{\"verbose\":false,\"auth_token\":\"s3cret\"}") + "SUB a 1\r\n"
                        + pub("a", "ok")),
                exchange(Setup.TOKEN_FLAG, connect("{\"verbose\":false,\"auth_token\":\"s3cre\"}")),
                exchange(Setup.TOKEN_FLAG, connect("{\"verbose\":false,\"user\":\"s3cret\",\"pass\":\"s3cret\"}")),
                exchange(Setup.TOKEN_FLAG, "PING\r\n"),
                exchange(Setup.BCRYPT_TOKEN, connect("{\"verbose\":false,\"auth_token\":\"allmine\"}")),
                exchange(Setup.BCRYPT_TOKEN, connect("{\"verbose\":false,\"auth_token\":\"" + BCRYPT_ALLMINE
                        + "\"}")),
                // A single user from the command line
                exchange(Setup.SINGLE_USER_FLAGS, login("u", "p") + "SUB a 1\r\n" + pub("a", "ok")),
                exchange(Setup.SINGLE_USER_FLAGS, login("u", "x")),
                exchange(Setup.SINGLE_USER_FLAGS, login("x", "p")),
                exchange(Setup.SINGLE_USER_FLAGS, connect("{\"verbose\":false,\"auth_token\":\"p\"}")),
                // no_auth_user
                exchange(Setup.NO_AUTH_USER, "SUB public.a 1\r\n" + pub("public.a", "before connect")),
                exchange(Setup.NO_AUTH_USER, "CONNECT {\"verbose\":false}\r\nSUB public.a 1\r\n"
                        + pub("public.a", "guest") + pub("private", "denied")),
                exchange(Setup.NO_AUTH_USER, login("admin", "pw") + "SUB private 1\r\n" + pub("private", "ok")),
                exchange(Setup.NO_AUTH_USER, login("admin", "wrong")),
                // Subject mappings, applied before permissions and matching
                exchange(Setup.MAPPINGS, "CONNECT {\"verbose\":false}\r\nSUB > 1\r\n" + pub("orders.x", "1")
                        + pub("bar", "2") + pub("split.a.b", "3") + pub("fn.abcdef", "4") + pub("all", "5")
                        + pub("orders.x.y", "6")),
                exchange(Setup.MAPPINGS, "CONNECT {\"verbose\":false}\r\nSUB part.> 1\r\n" + pub("part.a", "a")
                        + pub("part.b", "b") + pub("part.c", "c") + pub("part.dd", "d") + pub("part.eee", "e")),
                exchange(Setup.MAPPINGS, "CONNECT {\"verbose\":false}\r\nSUB hash.> 1\r\n" + pub("hash.a.b", "1")
                        + pub("hash.b.a", "2") + pub("hash.x.yz", "3") + pub("hash.xy.z", "4")),
                exchange(Setup.MAPPINGS, "CONNECT {\"verbose\":false}\r\nSUB orders.x 1\r\nSUB baz 2\r\n"
                        + pub("orders.x", "mapped away") + pub("baz", "direct")),
                exchange(Setup.MAPPINGS, login("m", "m") + "SUB > 1\r\n" + pub("in.a.b", "account mapping")
                        + pub("bar", "global mappings are not this account's")),
                // Account limits
                exchange(Setup.ACCOUNT_LIMITS, login("l", "l") + "SUB a 1\r\nSUB b 2\r\nSUB c 3\r\n"
                        + pub("a", "12345678")),
                exchange(Setup.ACCOUNT_LIMITS, login("l", "l") + pub("a", "123456789")),
                exchange(Setup.ACCOUNT_LIMITS, login("a", "a") + "SUB a 1\r\nSUB b 2\r\nSUB c 3\r\n"
                        + pub("a", "123456789")));
    }

    @ParameterizedTest
    @MethodSource("exchanges")
    void natriumAnswersAsNatsServerDoes(Setup setup, String input) throws Exception {
        ServerProcess[] servers = servers(setup);

        String reference = WireExchange.exchange(servers[0], input);

        assertThat(WireExchange.exchange(servers[1], input)).as("Natrium's answer, beside nats-server's")
                .isEqualTo(reference);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void infoAnnouncesAuthenticationAsNatsServerDoes(Setup setup) throws Exception {
        ServerProcess[] servers = servers(setup);

        JsonNode reference = info(servers[0]);
        JsonNode ours = info(servers[1]);

        assertThat(Wire.fieldNames(ours)).containsExactlyElementsOf(Wire.fieldNames(reference));
        assertThat(ours.get("auth_required")).isEqualTo(reference.get("auth_required"));
        assertThat(ours.has("nonce")).as("a nonce only for nkey users to sign").isEqualTo(setup == Setup.USERS);
    }

    @ParameterizedTest
    @EnumSource(value = Setup.class, names = {"USERS"})
    void aClientThatDoesNotAuthenticateInTimeIsClosed(Setup setup) throws Exception {
        ServerProcess[] servers = servers(setup);
        List<String> answers = new ArrayList<>();
        for (ServerProcess server : servers) {
            try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
                answers.add(client.readUntilClosed());
            }
        }

        assertThat(answers).containsOnly("-ERR 'Authentication Timeout'\r\n");
    }

    private static Arguments exchange(Setup setup, String input) {
        return Arguments.of(setup, Wire.shown(input));
    }

    private static String login(String user, String password) {
        return connect("{\"verbose\":false,\"user\":\"" + user + "\",\"pass\":\"" + password + "\"}");
    }

    /** The reference and Natrium with the setup's configuration, started once for all of its exchanges. */
    private static synchronized ServerProcess[] servers(Setup setup) throws IOException, InterruptedException {
        ServerProcess[] pair = SERVERS.get(setup);
        if (pair == null) {
            List<String> arguments = new ArrayList<>(setup.flags);
            if (setup.config != null) {
                Path config = configs.resolve(setup.name().toLowerCase() + ".conf");
                Files.writeString(config, setup.config);
                arguments.add("-c");
                arguments.add(config.toString());
            }
            pair = new ServerProcess[] {
                ServerProcess.start(natsServerBinary, arguments, Duration.ofSeconds(10)),
                ServerProcess.start(ServerProcess.natriumLauncher(), arguments, Duration.ofSeconds(60))};
            SERVERS.put(setup, pair);
        }
        return pair;
    }

    private static JsonNode info(ServerProcess server) throws IOException {
        try (RawClient client = RawClient.connect("127.0.0.1", server.port())) {
            return Wire.info(client);
        }
    }
}
