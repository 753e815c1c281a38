package io.natrium.bootstrap.resolver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One generated operator with its system account and a user of it, for the resolver ITs: account JWTs, creds files,
 * the configuration of a server with a directory resolver, and requests to the system account's services.
 */
final class OperatorFixture {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final TestNKey operator = TestNKey.operator();
    final TestNKey system = TestNKey.account();
    private final TestNKey systemUser = TestNKey.user();
    private final Path dir;
    private final AuthHandler systemCreds;

    OperatorFixture(Path dir) {
        this.dir = dir;
        this.systemCreds = creds(TestJwt.user(system, systemUser, "sys", TestJwt.unlimitedUser(), 0), systemUser);
    }

    /** An account JWT signed by the operator: unlimited, with {@code nats} added. */
    String account(TestNKey account, String name, Map<String, Object> nats) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("limits", TestJwt.unlimitedAccount());
        claims.putAll(nats);
        return TestJwt.account(operator, account, name, claims);
    }

    /** A creds file's handler for a new user of {@code account}. */
    AuthHandler newUser(TestNKey account) {
        TestNKey user = TestNKey.user();
        return creds(TestJwt.user(account, user, "user", TestJwt.unlimitedUser(), 0), user);
    }

    AuthHandler creds(String jwt, TestNKey user) {
        try {
            return Nats.credentials(TestJwt.credsFile(Files.createTempFile(dir, "user-", ".creds"), jwt, user)
                    .toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The arguments of a server whose full resolver keeps its JWTs in {@code jwtDir}, with the system account and
     * {@code preload} preloaded.
     */
    List<String> fullResolverArguments(String name, Path jwtDir, Map<String, String> preload)
            throws IOException {
        StringBuilder preloads = new StringBuilder("  " + system.publicKey() + ": \""
                + account(system, "SYS", Map.of()) + "\"\n");
        preload.forEach((key, jwt) -> preloads.append("  ").append(key).append(": \"").append(jwt).append("\"\n"));
        String config = """
                operator: "%s"
                resolver: {
                  type: full
                  dir: "%s"
                  allow_delete: true
                }
                resolver_preload: {
                %s}
                # A creds client on a loaded machine may take longer than the default 2 s to sign the nonce.
                authorization { timeout: 10 }
                """.formatted(TestJwt.operator(operator, "ops", Map.of("system_account", system.publicKey())),
                jwtDir, preloads);
        return List.of("-c", Files.writeString(dir.resolve(name + ".conf"), config).toString());
    }

    /** The reply to a request by the system account's user, the server's identity masked. */
    String request(ServerProcess server, String subject, String body) {
        try (Connection client = Nats.connect(options(server).authHandler(systemCreds).build())) {
            Message reply = client.request(subject, body.getBytes(UTF_8), TIMEOUT);
            return reply == null ? "no reply" : new String(reply.getData(), UTF_8)
                    .replaceAll("\"server\":\\{[^}]*\\}", "\"server\":{…}");
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    /** "connected", or why not. */
    String outcome(ServerProcess server, AuthHandler creds) {
        try (Connection ignored = Nats.connect(options(server).authHandler(creds).build())) {
            return "connected";
        } catch (Exception e) {
            return "refused: " + e.getMessage();
        }
    }

    /** The scenario run on nats-server, then on Natrium: nats-server's answer expected, Natrium's the same. */
    static void assertAlike(ServerProcess reference, ServerProcess natrium, Function<ServerProcess, String> scenario,
            String expected) {
        String fromReference = scenario.apply(reference);
        String fromNatrium = scenario.apply(natrium);

        assertThat(fromReference).as("nats-server 2.9.10").isEqualTo(expected);
        assertThat(fromNatrium).as("Natrium, beside nats-server").isEqualTo(fromReference);
    }

    static Options.Builder options(ServerProcess server) {
        return new Options.Builder().server("nats://127.0.0.1:" + server.port()).connectionTimeout(TIMEOUT)
                .noReconnect();
    }
}
