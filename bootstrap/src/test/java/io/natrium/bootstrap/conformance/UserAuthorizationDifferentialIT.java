package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Conversation.round;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Role-based permissions as nats-server's own authorization tests set them up: roles defined as variables in an
 * included file, users sharing one bcrypt hash, a user without permissions falling back to the block's
 * {@code DEFAULT_PERMISSIONS} (a variable and, case-insensitively, the {@code default_permissions} key at once),
 * old-style lists and new-style allow/deny, and services answering through {@code allow_responses}. Every exchange
 * runs against nats-server and Natrium with the same files and the answers are compared.
 */
class UserAuthorizationDifferentialIT {

    private static final String PASSWORD = "foo";
    /**
     * The streaming service's response time-to-live: wide, so that its answers within it cannot fall past it on a
     * busy machine, and waited out once, from the moment the request was delivered.
     */
    private static final Duration RESPONSE_TTL = Duration.ofSeconds(2);
    /** Past the time-to-live on the test's clock, so past it on the servers' clocks too. */
    private static final Duration EXPIRY_MARGIN = Duration.ofMillis(100);
    private static final Pattern SERVER_PING = Pattern.compile("(?m)^PING\r\n");
    private static final String ROLES = """
            ADMIN = { publish = ">", subscribe = ">" }
            REQUESTOR = { publish = ["req.foo", "req.bar"], subscribe = "_INBOX.*" }
            DEFAULT_PERMISSIONS = { publish = "SANDBOX.*", subscribe = ["PUBLIC.>", "_INBOX.>"] }
            NEW_STYLE = {
              publish = { allow = "*.*", deny = ["SYS.*", "bar.baz", "foo.*"] }
              subscribe = { allow = ["foo.*", "SYS.TEST.>"], deny = ["foo.baz", "SYS.*"] }
            }
            NS_PUB = { publish = "foo.baz", subscribe = "foo.baz" }
            SERVICE = { subscribe = "my.service.req", publish_allow_responses: true }
            STREAM_SERVICE = { subscribe = "my.service.req", allow_responses = { max: 3, ttl: "%dms" } }
            """;
    private static final String SERVER = """
            authorization {
              include "roles.conf"
              PASS: %s
              users = [
                {user: alice, password: $PASS, permissions: $ADMIN}
                {user: bob, password: $PASS, permissions: $REQUESTOR}
                {user: joe, password: $PASS}
                {user: ns, password: $PASS, permissions: $NEW_STYLE}
                {user: ns-pub, password: $PASS, permissions: $NS_PUB}
                {user: svca, password: $PASS, permissions: $SERVICE}
                {user: svcb, password: $PASS, permissions: $STREAM_SERVICE}
              ]
            }
            """;

    private static ServerPair servers;

    @BeforeAll
    static void startServers() throws Exception {
        Path directory = Files.createTempDirectory("natrium-authorization-");
        Files.writeString(directory.resolve("roles.conf"), ROLES.formatted(RESPONSE_TTL.toMillis()));
        String hash = new String(BCrypt.withDefaults().hash(4, PASSWORD.toCharArray()), StandardCharsets.UTF_8);
        Path config = directory.resolve("authorization.conf");
        Files.writeString(config, SERVER.formatted(hash));
        servers = ServerPair.start(List.of("-c", config.toString()));
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        if (servers != null) {
            servers.close();
        }
    }

    static Stream<String> exchanges() {
        return Stream.of(
                // An administrator may do anything, the single-character subject included.
                login("alice") + pub("foo") + "SUB foo 1\r\n" + pub("_"),
                // A requester publishes requests and subscribes to inboxes only.
                login("bob") + "SUB foo 1\r\n" + pub("foo") + "SUB _INBOX.abcd 1\r\n" + pub("req.foo")
                        + pub("req.bar") + "SUB _INBOX.a.b 2\r\n",
                // A user without permissions gets the defaults; a single-token wildcard allows one token only.
                login("joe") + "SUB foo.bar.* 1\r\n" + pub("foo.bar.baz") + "SUB _INBOX.abcd 1\r\n"
                        + "SUB PUBLIC.abcd 2\r\n" + pub("SANDBOX.foo") + pub("SANDBOX.bar") + pub("SANDBOX.foo.bar"),
                // New-style allow and deny for publishing ...
                login("ns") + pub("SANDBOX.foo") + pub("baz.bar") + pub("baz.foo") + pub("foo") + pub("bar")
                        + pub("foo.bar") + pub("foo.bar.baz") + pub("SYS.1") + pub("bar.baz"),
                // ... and for subscribing: a deny narrows a wider allow.
                login("ns") + "SUB foo.bar 1\r\nSUB foo.foo 2\r\nSUB foo 3\r\nSUB foo.baz 4\r\nSUB foo.bar.baz 5\r\n"
                        + "SUB > 6\r\nSUB SYS.> 7\r\nSUB SYS.TEST.foo 8\r\nSUB SYS.bar 9\r\nSUB foo.* 10\r\n"
                        + "SUB foo.* bar 11\r\n",
                // A queue subscription of a user allowed the subject gets every message.
                login("ns-pub") + "SUB foo.baz bar 1\r\n" + pub("foo.baz") + pub("foo.baz") + pub("foo.baz"));
    }

    @ParameterizedTest
    @MethodSource("exchanges")
    void natriumAnswersAsNatsServerDoes(String input) throws Exception {
        String reference = WireExchange.exchange(servers.reference(), input);

        assertThat(reference).as("the user signed in").startsWith("+OK").doesNotContain("Authorization Violation");
        assertThat(WireExchange.exchange(servers.natrium(), input)).as("Natrium's answer, beside nats-server's")
                .isEqualTo(reference);
    }

    @Test
    void aDeniedWildcardSubscriberIsPassedOverAndTheMessageGoesElsewhere() throws Exception {
        assertSameTranscripts(server -> {
            try (RawClient ns = login(server, "ns"); RawClient publisher = login(server, "ns-pub")) {
                StringBuilder transcript = new StringBuilder();
                transcript.append(round(ns, "SUB foo.* 1\r\nSUB foo.* bar 2\r\n"));
                transcript.append(round(publisher, "SUB foo.baz bar 3\r\n"));
                for (int i = 0; i < 10; i++) {
                    transcript.append(round(publisher, pub("foo.baz")));
                }
                transcript.append(round(ns, ""));
                return transcript.toString();
            }
        });
    }

    @Test
    void aServiceAnswersEachRequestOnceAndOnlyOnItsReplySubject() throws Exception {
        assertSameTranscripts(server -> {
            try (RawClient requester = login(server, "alice"); RawClient service = login(server, "svca")) {
                StringBuilder transcript = new StringBuilder();
                transcript.append(round(service, "SUB my.service.req 1\r\n"));
                transcript.append(round(requester, "PUB my.service.req resp.bar.22 2\r\nok\r\n"));
                transcript.append(round(service, ""));
                transcript.append(round(service, pub("resp.bar.22") + pub("resp.bar.33") + pub("resp.bar.22")));
                return transcript.toString();
            }
        });
    }

    @Test
    void aStreamingServiceAnswersUpToItsMaximumAndNotPastItsTimeToLive() throws Exception {
        String reference = servers.assertSameTranscripts(server -> {
            try (RawClient requester = login(server, "alice"); RawClient service = login(server, "svcb")) {
                StringBuilder transcript = new StringBuilder();
                transcript.append(round(service, "SUB my.service.req 1\r\n"));
                transcript.append(round(requester, "PUB my.service.req resp.bar.22 2\r\nok\r\n"));
                transcript.append(round(service, ""));
                transcript.append(round(service, pub("resp.bar.22") + pub("resp.bar.33") + pub("resp.bar.22")
                        + pub("resp.bar.22") + pub("resp.bar.22")));
                transcript.append(round(requester, "PUB my.service.req resp.bar.11 2\r\nok\r\n"));
                transcript.append(round(service, ""));
                // The server stamped the delivery before the service read it: the permission is older than this wait.
                awaitElapsed(System.nanoTime(), RESPONSE_TTL.plus(EXPIRY_MARGIN));
                transcript.append(round(service, pub("resp.bar.11")));
                return transcript.toString();
            }
        }, UserAuthorizationDifferentialIT::withoutServerPings);

        assertThat(reference).as("three answers within the maximum, the fourth and an unrequested one refused")
                .contains("+OK\r\n" + violation("resp.bar.33") + "+OK\r\n+OK\r\n" + violation("resp.bar.22") + "PONG")
                .as("the answer past the time-to-live refused").endsWith(violation("resp.bar.11") + "PONG\r\n");
    }

    private static String violation(String subject) {
        return "-ERR 'Permissions Violation for Publish to \"" + subject + "\"'\r\n";
    }

    /**
     * A transcript without the keep-alive PINGs the servers send of their own accord: both send the first one two
     * seconds and a random fraction after the connect, which a script waiting out a time-to-live may straddle.
     */
    private static String withoutServerPings(String transcript) {
        return SERVER_PING.matcher(transcript).replaceAll("");
    }

    /** Both servers play the script alike, and messages flowed in it between signed-in users. */
    private static void assertSameTranscripts(ServerPair.Script script) throws Exception {
        String reference = servers.assertSameTranscripts(script);

        assertThat(reference).as("messages flowed").contains("MSG ").doesNotContain("Authorization Violation");
    }

    private static RawClient login(ServerProcess server, String user) throws IOException {
        return Conversation.connected(server, connectJson(user));
    }

    private static String login(String user) {
        return "CONNECT " + connectJson(user) + "\r\n";
    }

    private static String connectJson(String user) {
        return "{\"verbose\":true,\"pedantic\":false,\"user\":\"" + user + "\",\"pass\":\"" + PASSWORD + "\"}";
    }

    private static String pub(String subject) {
        return "PUB " + subject + " 2\r\nok\r\n";
    }

    /**
     * Returns once {@code duration} has passed since {@code startNanos}. A response permission expires silently on
     * the server's clock, with nothing on the wire to wait for instead.
     */
    private static void awaitElapsed(long startNanos, Duration duration) {
        long deadline = startNanos + duration.toNanos();
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
