package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user of the system account subscribes to {@code $SYS.>} on nats-server 2.9.10 and on Natrium, then the same
 * clients come and go: one into account A, one with a wrong password, then A's leaves. Both servers must publish the
 * same events on the same subjects (server ids masked) in the same order, with the same JSON keys and the same
 * values where the situation decides them. STATSZ, sent on a timer, is compared by its keys; SHUTDOWN by subject and
 * keys.
 */
class SystemEventsDifferentialIT {

    private static final String CONFIG = """
            accounts {
              $SYS { users [ {user: sys, password: sys} ] }
              A { users [ {user: a, password: a} ] }
            }
            """;
    /** nats-server 2.9.10 writes the empty reply of its internal messages as an empty field: {@code 1  231}. */
    private static final Pattern MSG = Pattern.compile("MSG (\\S+) 1 {1,2}(\\d+)\r\n");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The answer to a {@link #fence} request, whole. */
    private static final Pattern FENCE = Pattern.compile("MSG _INBOX\\.fence 2 {1,2}\\d+\r\n[^\r\n]*\r\n");
    private static final Pattern A_DISCONNECT =
            Pattern.compile("MSG \\$SYS\\.ACCOUNT\\.A\\.DISCONNECT 1 {1,2}\\d+\r\n[^\r\n]*\r\n");
    /** Values a differential comparison can hold both servers to; times, ids, rtt, ports and versions differ. */
    private static final List<String> DETERMINED = List.of("type", "acc", "conns", "leafnodes", "total_conns",
            "reason", "client.acc", "client.user", "client.kind", "client.client_type", "client.host", "sent.msgs",
            "received.msgs", "server.host", "server.jetstream", "slow_consumers");

    private static ServerPair servers;
    private static Path config;

    @BeforeAll
    static void startServers() throws Exception {
        config = Files.createTempFile("natrium-events-", ".conf");
        Files.writeString(config, CONFIG);
        servers = ServerPair.start(List.of("-c", config.toString()));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void clientsComingAndGoingPublishTheSameEvents() throws Exception {
        List<Event> theirs = play(servers.reference());
        List<Event> ours = play(servers.natrium());

        List<Event> ourComparable = new ArrayList<>(ours);
        ourComparable.removeIf(event -> event.subject.equals("$SYS.ACCOUNT.CLIENT.AUTH.ERR"));
        assertThat(ours).as("Natrium also publishes the refusal on the account-wide subject of later versions")
                .anyMatch(event -> event.subject.equals("$SYS.ACCOUNT.CLIENT.AUTH.ERR"));
        assertThat(subjects(ourComparable)).isEqualTo(subjects(theirs));
        for (int i = 0; i < theirs.size(); i++) {
            Event their = theirs.get(i);
            Event our = ourComparable.get(i);
            assertThat(keys(our.json, "")).as(our.subject).isEqualTo(keys(their.json, ""));
            for (String path : DETERMINED) {
                assertThat(at(our.json, path)).as(our.subject + " " + path).isEqualTo(at(their.json, path));
            }
        }
        assertThat(subjects(theirs)).contains("$SYS.ACCOUNT.A.CONNECT", "$SYS.ACCOUNT.A.DISCONNECT",
                "$SYS.ACCOUNT.A.SERVER.CONNS", "$SYS.SERVER.ACCOUNT.A.CONNS", "$SYS.SERVER.<id>.CLIENT.AUTH.ERR");
    }

    @Test
    void statszAnswersAPingWithTheSameKeys() throws Exception {
        JsonNode theirs = firstStatsz(servers.reference());
        JsonNode ours = firstStatsz(servers.natrium());

        assertThat(keys(ours, "")).isEqualTo(keys(theirs, ""));
        assertThat(ours.get("statsz").get("connections").asInt()).isEqualTo(1);
        assertThat(ours.get("server").get("seq").asLong()).isPositive();
    }

    @Test
    void shutdownIsAnnouncedBeforeTheClientsAreClosed() throws Exception {
        try (ServerPair pair = ServerPair.start(List.of("-c", config.toString()))) {
            for (ServerProcess server : pair.both()) {
                try (RawClient sys = login(server, "sys")) {
                    sys.send("SUB $SYS.SERVER.*.SHUTDOWN 1\r\nPING\r\n").expect("PONG\r\n");
                    Thread stopper = new Thread(() -> {
                        try {
                            server.terminate(Duration.ofSeconds(10));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    stopper.start();
                    String rest = sys.readUntilClosed();
                    stopper.join();
                    Matcher shutdown = Pattern.compile("MSG \\$SYS\\.SERVER\\.(\\w+)\\.SHUTDOWN 1 {1,2}\\d+\r\n(.*)\r\n")
                            .matcher(rest);
                    assertThat(shutdown.find()).as(server + ": " + rest).isTrue();
                    JsonNode payload = JSON.readTree(shutdown.group(2));
                    assertThat(keys(payload, "")).containsExactlyInAnyOrder("name", "host", "id", "ver", "seq",
                            "jetstream", "time");
                    assertThat(payload.get("id").asText()).isEqualTo(shutdown.group(1));
                }
            }
        }
    }

    /**
     * Plays the clients' comings and goings and returns the events they caused. Both servers queue an event when its
     * cause happens (a CONNECT, a refused login, a close) and send events and request answers in order through one
     * queue, so an answer to a STATSZ request ({@link #fence}) sent after a cause arrives after its events.
     */
    private static List<Event> play(ServerProcess server) throws Exception {
        try (RawClient sys = login(server, "sys")) {
            // What the system user's own login caused may arrive before or after its SUB: not compared, drained.
            sys.send("SUB $SYS.> 1\r\nSUB _INBOX.fence 2\r\n");
            fence(sys);
            StringBuilder received = new StringBuilder();
            try (RawClient a = login(server, "a")) {
                received.append(fence(sys));
                try (RawClient bad = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
                    bad.send("CONNECT {\"verbose\":false,\"user\":\"x\",\"pass\":\"y\"}\r\nPING\r\n");
                    bad.readUntilClosed();
                }
                received.append(fence(sys));
            }
            // The server learns of the close when it reads the socket's end: its DISCONNECT is awaited, then fenced.
            received.append(sys.drainThrough(A_DISCONNECT, Duration.ofSeconds(10)));
            received.append(fence(sys));
            List<Event> events = events(received.toString());
            events.removeIf(event -> event.subject.endsWith(".STATSZ"));
            return events;
        }
    }

    /** Asks for STATSZ behind what is queued and returns everything received up to and with the answer. */
    private static String fence(RawClient sys) throws Exception {
        sys.send("PUB $SYS.REQ.SERVER.PING.STATSZ _INBOX.fence 0\r\n\r\n");
        return sys.drainThrough(FENCE, Duration.ofSeconds(10));
    }

    private static JsonNode firstStatsz(ServerProcess server) throws Exception {
        try (RawClient sys = login(server, "sys")) {
            sys.send("SUB _INBOX.statsz 1\r\nPUB $SYS.REQ.SERVER.PING _INBOX.statsz 0\r\n\r\nPING\r\n");
            List<Event> replies = events(sys.drainThrough(
                    Pattern.compile("MSG _INBOX\\.statsz 1 {1,2}\\d+\r\n[^\r\n]*\r\n"), Duration.ofSeconds(10)));
            assertThat(replies).as(server.toString()).isNotEmpty();
            return replies.get(0).json;
        }
    }

    private static RawClient login(ServerProcess server, String user) throws Exception {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port());
        client.send("CONNECT {\"verbose\":false,\"user\":\"" + user + "\",\"pass\":\"" + user + "\"}\r\nPING\r\n")
                .expect("PONG\r\n");
        return client;
    }

    private record Event(String subject, JsonNode json) {
    }

    private static List<Event> events(String received) throws Exception {
        List<Event> events = new ArrayList<>();
        Matcher matcher = MSG.matcher(received);
        int from = 0;
        while (matcher.find(from)) {
            int start = matcher.end();
            int end = start + Integer.parseInt(matcher.group(2));
            from = end;
            if (matcher.group(1).startsWith("$SYS.REQ.")) {
                continue;
            }
            String payload = received.substring(start, end);
            JsonNode json = JSON.readTree(payload);
            String id = json.path("server").path("id").asText();
            events.add(new Event(matcher.group(1).replace(id, "<id>"), json));
        }
        return events;
    }

    private static List<String> subjects(List<Event> events) {
        return events.stream().map(Event::subject).toList();
    }

    private static TreeSet<String> keys(JsonNode node, String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            keys.add(path);
            if (field.getValue().isObject()) {
                keys.addAll(keys(field.getValue(), path + "."));
            }
        }
        return keys;
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }
}
