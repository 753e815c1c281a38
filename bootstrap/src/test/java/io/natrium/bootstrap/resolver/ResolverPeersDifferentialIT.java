package io.natrium.bootstrap.resolver;

import static io.natrium.bootstrap.resolver.OperatorFixture.awaitClosed;
import static io.natrium.bootstrap.resolver.OperatorFixture.connect;
import static io.natrium.bootstrap.resolver.OperatorFixture.sighup;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The directory resolvers talking to the other servers of a cluster, nats-server 2.9.10 beside Natrium, a jnats client
 * of the system account playing the other server: the full resolver's periodic {@code $SYS.REQ.CLAIMS.PACK} (its
 * subject, inbox and hash, and the JWTs a peer sends back merged and put in force), the lookup
 * {@code $SYS.REQ.ACCOUNT.<acc>.CLAIMS.LOOKUP} of both resolvers for an account a client names and the server does
 * not hold (a peer's answer stored and used, no answer refusing the client after the resolver's {@code timeout}), and
 * a JWT written into the directory by hand while running: nats-server 2.9.10 reads the file when a client of an
 * account it has not loaded connects (its {@code LoadAcc} reads the directory) but does not list it, and a reload
 * (SIGHUP) puts a changed JWT of a loaded account in force no more than it lists the new one (the reloaded
 * configuration brings a new resolver whose {@code Reload} has nobody to tell), so a client the changed JWT revokes
 * stays connected.
 * The hand-written files come last: the hash a pack request carries is compared with the directory's files, which
 * then differ from what the store indexed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResolverPeersDifferentialIT {

    private static final Duration TIMEOUT = OperatorFixture.TIMEOUT;
    // The server's hash is 8 characters of base64url (nats-server's getHash): "-" and "_" too.
    private static final String INBOX = "\\$SYS\\._INBOX\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
    private static final TestNKey APP = TestNKey.account();

    private static Path dir;
    private static OperatorFixture fixture;
    private static ServerProcess reference;
    private static ServerProcess natrium;
    private static ServerProcess referenceCache;
    private static ServerProcess natriumCache;
    private static final Map<ServerProcess, Path> DIRECTORIES = new LinkedHashMap<>();

    @BeforeAll
    static void startAll() throws Exception {
        dir = Files.createTempDirectory("natrium-resolver-peers-");
        fixture = new OperatorFixture(dir);
        Map<String, String> preload = Map.of(APP.publicKey(), fixture.account(APP, "APP", Map.of()));
        String full = "type: full\n  interval: \"1s\"\n  timeout: \"1s\"";
        String cache = "type: cache\n  timeout: \"1s\"";
        reference = start(ExternalTools.natsServer(), "reference-full", full, preload, Duration.ofSeconds(10));
        referenceCache = start(ExternalTools.natsServer(), "reference-cache", cache, preload, Duration.ofSeconds(10));
        natrium = start(ServerProcess.natriumLauncher(), "natrium-full", full, preload, Duration.ofSeconds(180));
        natriumCache = start(ServerProcess.natriumLauncher(), "natrium-cache", cache, preload,
                Duration.ofSeconds(180));
    }

    private static ServerProcess start(Path executable, String name, String block, Map<String, String> preload,
            Duration within) throws Exception {
        Path jwts = dir.resolve(name + "-jwt");
        List<String> arguments = new ArrayList<>(fixture.directoryResolverArguments(name, jwts, block, preload));
        // Debug lines: the resolvers' own lines are compared too.
        arguments.add("-D");
        ServerProcess server = ServerProcess.start(executable, arguments, within);
        DIRECTORIES.put(server, jwts);
        return server;
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (ServerProcess server : new ArrayList<>(DIRECTORIES.keySet())) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theFullResolverAsksForPacksWithItsHashAndMergesWhatAPeerSends() {
        TestNKey merged = TestNKey.account();
        TestNKey revoked = TestNKey.user();
        AuthHandler revokedCreds = fixture.creds(TestJwt.user(APP, revoked, "revoked", TestJwt.unlimitedUser(), 0),
                revoked);
        String update = fixture.account(APP, "APP", Map.of("revocations",
                Map.of(revoked.publicKey(), Instant.now().getEpochSecond() + 1)));
        String newAccount = fixture.account(merged, "MERGED", Map.of());

        OperatorFixture.assertAlike(reference, natrium, server -> {
            BlockingQueue<String> errors = new LinkedBlockingQueue<>();
            try (Connection peer = fixture.systemClient(server);
                    Connection client = connect(server, revokedCreds, errors)) {
                BlockingQueue<Arrived> packs = new LinkedBlockingQueue<>();
                peer.createDispatcher(message -> packs.add(new Arrived(System.nanoTime(), message)))
                        .subscribe("$SYS.REQ.CLAIMS.PACK");
                peer.flush(TIMEOUT);
                Arrived first = packs.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Arrived next = packs.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null || next == null) {
                    return "no pack requests";
                }
                long gapMillis = TimeUnit.NANOSECONDS.toMillis(next.nanos() - first.nanos());
                Message request = next.message();
                String seen = "every second " + (gapMillis > 500 && gapMillis < 5000) + ": " + request.getSubject()
                        + " reply " + (request.getReplyTo().matches(INBOX) ? "inbox"
                        : request.getReplyTo()) + " hash " + (HexFormat.of().formatHex(request.getData())
                        .equals(directoryHash(server)) ? "of the directory" : HexFormat.of().formatHex(request
                        .getData()));
                peer.publish(request.getReplyTo(), (merged.publicKey() + "|" + newAccount).getBytes(UTF_8));
                peer.publish(request.getReplyTo(), (APP.publicKey() + "|" + update).getBytes(UTF_8));
                peer.publish(request.getReplyTo(), new byte[0]);
                peer.flush(TIMEOUT);
                return seen + ", merged account " + awaitConnected(server, fixture.newUser(merged))
                        + ", revoked user " + awaitClosed(client, errors) + ", logged " + logged(server,
                        "[DBG] Checking store state: <hash>",
                        "[DBG] Merging succeeded and changed <hash> to <hash>",
                        "[DBG] Merging Finished and resulting in: <hash>");
            } catch (Exception e) {
                return "failed: " + e;
            }
        }, "every second true: $SYS.REQ.CLAIMS.PACK reply inbox hash of the directory, merged account connected, "
                + "revoked user "
                + "[User Authentication Revoked] then closed, logged []");
    }

    @Test
    @Order(2)
    void theFullResolverLooksUpAnAccountItDoesNotHold() {
        assertLookupsAlike(reference, natrium);
    }

    @Test
    @Order(3)
    void theCacheResolverLooksUpAnAccountItDoesNotHold() {
        assertLookupsAlike(referenceCache, natriumCache);
    }

    private static void assertLookupsAlike(ServerProcess referenceServer, ServerProcess natriumServer) {
        TestNKey found = TestNKey.account();
        TestNKey missing = TestNKey.account();
        String foundJwt = fixture.account(found, "FOUND", Map.of());
        OperatorFixture.assertAlike(referenceServer, natriumServer, server -> {
            List<String> requests = Collections.synchronizedList(new ArrayList<>());
            try (Connection peer = fixture.systemClient(server)) {
                Dispatcher answers = peer.createDispatcher(request -> {
                    requests.add(request.getSubject() + " " + request.getData().length + " bytes reply "
                            + (request.getReplyTo().matches(INBOX) ? "inbox" : request.getReplyTo()));
                    if (request.getSubject().contains(found.publicKey())) {
                        peer.publish(request.getReplyTo(), foundJwt.getBytes(UTF_8));
                    }
                });
                answers.subscribe("$SYS.REQ.ACCOUNT.*.CLAIMS.LOOKUP");
                peer.flush(TIMEOUT);
                String foundOutcome = fixture.outcome(server, fixture.newUser(found));
                long start = System.nanoTime();
                String missingOutcome = fixture.outcome(server, fixture.newUser(missing));
                long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                return "found " + foundOutcome + " and stored " + Files.exists(directory(server)
                        .resolve(found.publicKey() + ".jwt")) + ", missing " + missingOutcome + " after the timeout "
                        + (waitedMillis >= 900) + ", asked " + requests.stream().map(request -> request
                        .replace(found.publicKey(), "FOUND").replace(missing.publicKey(), "MISSING")).toList()
                        + ", logged " + logged(server,
                        "[WRN] Account [" + missing.publicKey() + "] fetch took <duration>",
                        "[WRN] Account fetch failed: fetching jwt timed out",
                        "[DBG] 127.0.0.1:<port> - cid:<cid><name> - Account JWT lookup error: fetching jwt timed out");
            } catch (Exception e) {
                return "failed: " + e;
            }
        }, "found connected and stored true, missing refused: Authentication error connecting to NATS server: "
                + "Authorization Violation after the timeout true, "
                + "asked [$SYS.REQ.ACCOUNT.FOUND.CLAIMS.LOOKUP 0 bytes reply inbox, "
                + "$SYS.REQ.ACCOUNT.MISSING.CLAIMS.LOOKUP 0 bytes reply inbox], logged []");
    }

    @Test
    @Order(4)
    void aJwtWrittenIntoTheDirectoryByHandIsFoundForItsClientsAndAReloadChangesNothingElse() {
        TestNKey handWritten = TestNKey.account();
        TestNKey revised = TestNKey.account();
        TestNKey user = TestNKey.user();
        AuthHandler userCreds = fixture.creds(TestJwt.user(revised, user, "revised", TestJwt.unlimitedUser(), 0),
                user);
        String revisedJwt = fixture.account(revised, "REVISED", Map.of());
        String revoking = fixture.account(revised, "REVISED", Map.of("revocations",
                Map.of(user.publicKey(), Instant.now().getEpochSecond() + 1)));
        String handJwt = fixture.account(handWritten, "HAND", Map.of());

        OperatorFixture.assertAlike(reference, natrium, server -> {
            BlockingQueue<String> errors = new LinkedBlockingQueue<>();
            String pushed = fixture.request(server, "$SYS.REQ.CLAIMS.UPDATE", revisedJwt);
            try (Connection client = connect(server, OperatorFixture.withoutNkey(userCreds), errors)) {
                Path jwts = directory(server);
                Files.writeString(jwts.resolve(handWritten.publicKey() + ".jwt"), handJwt);
                Files.writeString(jwts.resolve(revised.publicKey() + ".jwt"), revoking);
                String before = fixture.outcome(server, fixture.newUser(handWritten));
                String listedBefore = listed(server, handWritten);
                sighup(server);
                server.awaitLog("Reloaded server configuration", TIMEOUT);
                return (pushed.contains("jwt updated") ? "" : pushed) + "hand-written account before the reload "
                        + before + " (listed " + listedBefore + "), after " + fixture.outcome(server,
                        fixture.newUser(handWritten)) + " (listed " + listed(server, handWritten) + "); client of a "
                        + "revoking JWT " + awaitClosed(client, errors);
            } catch (Exception e) {
                return "failed: " + e;
            }
        }, "hand-written account before the reload connected (listed false), after connected (listed false); "
                + "client of a revoking JWT [] then connected");
    }

    private record Arrived(long nanos, Message message) {
    }

    /**
     * The lines missing from the server's log (awaited): {@code <hash>} stands for a store hash, {@code <duration>}
     * a Go duration, {@code <port>} and {@code <cid>} a client's, {@code <name>} the client's version and language
     * that may follow them.
     */
    private static List<String> logged(ServerProcess server, String... lines) throws Exception {
        List<String> missing = new ArrayList<>();
        for (String line : lines) {
            Pattern pattern = Pattern.compile(Pattern.quote(line).replace("<hash>", "\\E[0-9a-f]{64}\\Q")
                    .replace("<duration>", "\\E[0-9.]+(ms|s)\\Q").replace("<port>", "\\E[0-9]+\\Q")
                    .replace("<cid>", "\\E[0-9]+\\Q").replace("<name>", "\\E( - \"[^\"]*\")?\\Q"));
            try {
                server.awaitLog(pattern, TIMEOUT);
            } catch (AssertionError notLogged) {
                missing.add(line);
            }
        }
        return missing;
    }

    private static String listed(ServerProcess server, TestNKey account) {
        return String.valueOf(fixture.request(server, "$SYS.REQ.CLAIMS.LIST", "").contains(account.publicKey()));
    }

    private static String awaitConnected(ServerProcess server, AuthHandler creds) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String outcome = fixture.outcome(server, creds);
        while (!outcome.equals("connected") && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            outcome = fixture.outcome(server, creds);
        }
        return outcome;
    }

    private static Path directory(ServerProcess server) {
        return DIRECTORIES.get(server);
    }

    /** nats-server's store hash: the XOR of the SHA-256 of every JWT file of the directory. */
    private static String directoryHash(ServerProcess server) throws Exception {
        byte[] hash = new byte[32];
        try (Stream<Path> files = Files.list(directory(server))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jwt")).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                for (int i = 0; i < hash.length; i++) {
                    hash[i] ^= digest[i];
                }
            }
        }
        return HexFormat.of().formatHex(hash);
    }
}
