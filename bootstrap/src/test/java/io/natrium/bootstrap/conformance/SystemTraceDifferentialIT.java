package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system client in the protocol trace of nats-server 2.9.10 and of Natrium, the same system user asking for
 * STATSZ on each: with {@code -VV} both trace its subscriptions ({@code SYSTEM - <<- [SUB …]}, the same subjects and
 * sids in the same order; Natrium's five of later versions after them) and what it publishes
 * ({@code <<- [PUB …]} and its payload), and neither traces what is delivered to it; with {@code -V} neither traces
 * it at all while the clients' traffic is traced.
 */
class SystemTraceDifferentialIT {

    private static final String CONFIG = """
            accounts {
              $SYS { users [ {user: sys, password: sys} ] }
              A { users [ {user: a, password: a} ] }
            }
            """;
    private static final String SYSTEM = "[TRC] SYSTEM - ";
    /** The trace line of the reply's delivery to the asking client: written after the system client's PUB. */
    private static final Pattern REPLY_DELIVERED = Pattern.compile("->> \\[MSG _INBOX\\.trace 1 {1,2}\\d+]");
    private static final Pattern LATER_VERSIONS = Pattern.compile("\\.(IDZ|RELOAD|KICK|LDM)  \\d+]$");
    private static final Pattern SERVER_ID = Pattern.compile("\\bN[A-Z0-9]{55}\\b");
    private static final Pattern NAME_HASH =
            Pattern.compile("(\\$SYS\\._INBOX\\.|\\$SYS\\.LATENCY\\.M2\\.)[^.\\s\\]]+");
    private static final Pattern SUBSCRIPTION = Pattern.compile("<<- \\[SUB (\\S+)  (\\d+)]");

    @TempDir
    Path dir;

    @Test
    void verboseTraceShowsTheSystemClientAsNatsServerDoes() throws Exception {
        try (ServerPair servers = ServerPair.start(List.of("-c", config().toString(), "-VV"))) {
            List<String> theirs = systemLines(servers.reference());
            List<String> ours = systemLines(servers.natrium());

            // nats-server subscribes the monitoring services in the order of a Go map's iteration, which varies:
            // the subjects and the sids are compared as sets.
            List<String> theirSubscriptions = subscriptions(theirs);
            List<String> ourSubscriptions = subscriptions(ours);
            assertThat(theirSubscriptions).as("nats-server 2.9.10's").hasSize(40)
                    .startsWith("<<- [SUB $SYS._INBOX.<hash>.*  2]");
            assertThat(ourSubscriptions.stream().filter(line -> LATER_VERSIONS.matcher(line).find()))
                    .as("the services of later versions").hasSize(5);
            List<String> ourOwn = ourSubscriptions.stream().filter(line -> !LATER_VERSIONS.matcher(line).find())
                    .toList();
            assertThat(part(ourOwn, 1)).containsExactlyInAnyOrderElementsOf(part(theirSubscriptions, 1));
            assertThat(part(ourOwn, 2)).containsExactlyInAnyOrderElementsOf(part(theirSubscriptions, 2));
            assertThat(ourOwn.get(0)).isEqualTo(theirSubscriptions.get(0));
            for (List<String> lines : List.of(theirs, ours)) {
                int reply = indexOfPrefix(lines, "<<- [PUB _INBOX.trace  ");
                assertThat(reply).as("the STATSZ reply published, in %s", lines).isNotNegative();
                assertThat(lines.get(reply + 1)).startsWith("<<- MSG_PAYLOAD: [\"{\\\"server\\\":{");
                assertThat(lines).as("deliveries to the system client").noneMatch(line -> line.startsWith("->>"));
            }
        }
    }

    @Test
    void plainTraceLeavesTheSystemClientOut() throws Exception {
        try (ServerPair servers = ServerPair.start(List.of("-c", config().toString(), "-V"))) {
            for (ServerProcess server : servers.both()) {
                assertThat(systemLines(server)).as(server + "'s system client lines").isEmpty();
                assertThat(Files.readString(server.log())).as(server + "'s client lines")
                        .contains("<<- [PUB $SYS.REQ.SERVER.PING.STATSZ _INBOX.trace 0]");
            }
        }
    }

    /**
     * Asks the server for STATSZ as a system user, waits for the reply's delivery in the trace, and returns the
     * system client's trace lines from the start, after {@code [TRC] SYSTEM - }, the server id and name hash
     * masked.
     */
    private static List<String> systemLines(ServerProcess server) throws Exception {
        try (RawClient sys = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            sys.send("CONNECT {\"verbose\":false,\"user\":\"sys\",\"pass\":\"sys\"}\r\nSUB _INBOX.trace 1\r\n"
                    + "PUB $SYS.REQ.SERVER.PING.STATSZ _INBOX.trace 0\r\n\r\n");
            sys.drainThrough(Pattern.compile("MSG _INBOX\\.trace 1 {1,2}\\d+\r\n[^\r\n]*\r\n"),
                    Duration.ofSeconds(10));
        }
        String log = awaitLog(server, REPLY_DELIVERED);
        return log.lines().filter(line -> line.contains(SYSTEM))
                .map(line -> line.substring(line.indexOf(SYSTEM) + SYSTEM.length()))
                .map(line -> NAME_HASH.matcher(SERVER_ID.matcher(line).replaceAll("<id>")).replaceAll("$1<hash>"))
                .toList();
    }

    /** The server's log once it holds a match of {@code pattern}, for up to 10 s. */
    private static String awaitLog(ServerProcess server, Pattern pattern) throws Exception {
        return server.awaitLog(pattern, Duration.ofSeconds(10));
    }

    private static List<String> subscriptions(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("<<- [SUB ")).toList();
    }

    /** The subjects (1) or sids (2) of {@code <<- [SUB subject  sid]} lines. */
    private static List<String> part(List<String> subscriptions, int group) {
        return subscriptions.stream().map(SUBSCRIPTION::matcher).filter(Matcher::matches)
                .map(matcher -> matcher.group(group)).toList();
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private Path config() throws Exception {
        Path file = dir.resolve("system-trace.conf");
        Files.writeString(file, CONFIG);
        return file;
    }
}
