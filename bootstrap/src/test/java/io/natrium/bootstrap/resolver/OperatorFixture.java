package io.natrium.bootstrap.resolver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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
    /** Made once, so that a configuration written again for a reload trusts the very same operator and system. */
    private final String operatorJwt;
    private final String systemJwt;

    OperatorFixture(Path dir) {
        this.dir = dir;
        this.systemCreds = creds(TestJwt.user(system, systemUser, "sys", TestJwt.unlimitedUser(), 0), systemUser);
        this.operatorJwt = TestJwt.operator(operator, "ops", Map.of("system_account", system.publicKey()));
        this.systemJwt = account(system, "SYS", Map.of());
    }

    /** An account JWT signed by the operator: unlimited, with {@code nats} added. */
    String account(TestNKey account, String name, Map<String, Object> nats) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("limits", TestJwt.unlimitedAccount());
        claims.putAll(nats);
        return TestJwt.account(operator, account, name, claims);
    }

    /**
     * {@code creds} without the {@code nkey} jnats puts in CONNECT beside the JWT (the Go client sends none): at a
     * reload that touches authorization, nats-server closes the operator-mode clients that sent one, as it finds no
     * configured nkey user of that name ({@code clientHasMovedToDifferentAccount}).
     */
    static AuthHandler withoutNkey(AuthHandler creds) {
        return new AuthHandler() {
            @Override
            public byte[] sign(byte[] nonce) {
                return creds.sign(nonce);
            }

            @Override
            public char[] getID() {
                return new char[0];
            }

            @Override
            public char[] getJWT() {
                return creds.getJWT();
            }
        };
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
        return directoryResolverArguments(name, jwtDir, "type: full\n  allow_delete: true", preload);
    }

    /**
     * The arguments of a server whose directory resolver keeps its JWTs in {@code jwtDir}, with the {@code resolver}
     * block's other lines {@code block} (its type among them), the system account and {@code preload} preloaded.
     */
    List<String> directoryResolverArguments(String name, Path jwtDir, String block, Map<String, String> preload)
            throws IOException {
        String config = """
                operator: "%s"
                resolver: {
                  dir: "%s"
                  %s
                }
                resolver_preload: {
                %s}
                # A creds client on a loaded machine may take longer than the default 2 s to sign the nonce.
                authorization { timeout: 10 }
                """.formatted(operatorJwt, jwtDir, block, preloads(preload));
        return List.of("-c", Files.writeString(dir.resolve(name + ".conf"), config).toString());
    }

    /** A client of the system account's user, as another server's side of the system account is played. */
    Connection systemClient(ServerProcess server) throws IOException, InterruptedException {
        return Nats.connect(options(server).authHandler(systemCreds).build());
    }

    /**
     * Writes the configuration of a server with the memory resolver, the system account and {@code preload}
     * preloaded, and {@code extra} lines added, to {@code file} (again at a reload); returns the file.
     */
    Path writeMemoryResolverConfig(Path file, Map<String, String> preload, String extra) throws IOException {
        String config = """
                operator: "%s"
                resolver: MEMORY
                resolver_preload: {
                %s}
                # A creds client on a loaded machine may take longer than the default 2 s to sign the nonce.
                authorization { timeout: 10 }
                %s
                """.formatted(operatorJwt, preloads(preload), extra);
        return Files.writeString(file, config);
    }

    /** The entries of {@code resolver_preload}: the system account's, then {@code preload}'s. */
    private String preloads(Map<String, String> preload) {
        StringBuilder preloads = new StringBuilder("  " + system.publicKey() + ": \"" + systemJwt + "\"\n");
        preload.forEach((key, jwt) -> preloads.append("  ").append(key).append(": \"").append(jwt).append("\"\n"));
        return preloads.toString();
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

    /** A client of {@code server} with {@code creds}; the errors it is sent go to {@code errors}, unquoted. */
    static Connection connect(ServerProcess server, AuthHandler creds, BlockingQueue<String> errors)
            throws IOException, InterruptedException {
        return Nats.connect(options(server).authHandler(creds).errorListener(new ErrorListener() {
            @Override
            public void errorOccurred(Connection connection, String error) {
                errors.add(error.replace("'", ""));
            }
        }).build());
    }

    /** The errors {@code client} was sent until it closed (or the timeout passed), then its state. */
    static String awaitClosed(Connection client, BlockingQueue<String> errors) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (client.getStatus() != Connection.Status.CLOSED && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        List<String> seen = new ArrayList<>();
        errors.drainTo(seen);
        return seen + " then " + client.getStatus().name().toLowerCase(Locale.ROOT);
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

    /** Sends {@code server} SIGHUP, which makes it reload its configuration. */
    static void sighup(ServerProcess server) throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(server.process().pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    static Options.Builder options(ServerProcess server) {
        return new Options.Builder().server("nats://127.0.0.1:" + server.port()).connectionTimeout(TIMEOUT)
                .noReconnect();
    }
}
