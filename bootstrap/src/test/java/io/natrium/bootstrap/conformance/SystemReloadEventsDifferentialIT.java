package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a system user on {@code $SYS.>} sees when the server reloads its configuration and when it enters lame duck
 * mode, beside nats-server 2.9.10. A reload of configured accounts makes them anew there: each account's CONNS request
 * (to {@code $SYS._INBOX_.<id>}), then, as each client is registered again, its account's CONNS on both subjects and
 * its CONNECT. nats-server goes through its maps in a varying order, so the events are compared as a sorted list of
 * subjects, each with its JSON keys (STATSZ, on its timer, left out). Lame duck mode publishes nothing in 2.9.10; Natrium publishes the LAMEDUCK event
 * of later versions, and nothing else.
 */
class SystemReloadEventsDifferentialIT {

    private static final String CONFIG = """
            lame_duck_duration: "30s"
            lame_duck_grace_period: "10s"
            accounts {
              $SYS { users [ {user: sys, password: sys} ] }
              A { users [ {user: a, password: a} ] }
            }
            """;
    /** A message to the system user's first subscription: subject, the reply if any, the size. */
    private static final Pattern MSG = Pattern.compile("MSG (\\S+) 1 (\\S+ )?\\s?(\\d+)\r\n");
    private static final Pattern FENCE = Pattern.compile("MSG _INBOX\\.fence 2 {1,2}\\d+\r\n[^\r\n]*\r\n");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServerPair servers;
    private static Path config;
    private static final Map<String, List<String>> THEIR_EVENTS = new TreeMap<>();
    private static final Map<String, List<String>> OUR_EVENTS = new TreeMap<>();

    @BeforeAll
    static void startServersReloadThemAndPutThemInLameDuckMode() throws Exception {
        config = Files.createTempFile("natrium-reload-events-", ".conf");
        Files.writeString(config, CONFIG);
        servers = ServerPair.start(List.of("-c", config.toString()));
        play(servers.reference(), THEIR_EVENTS);
        play(servers.natrium(), OUR_EVENTS);
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
        Files.deleteIfExists(config);
    }

    private static void play(ServerProcess server, Map<String, List<String>> events) throws Exception {
        try (RawClient sys = login(server, "sys"); RawClient a = login(server, "a")) {
            sys.send("SUB $SYS.> 1\r\nSUB _INBOX.fence 2\r\n");
            fence(sys);
            signal(server, "HUP");
            server.awaitLog("Reloaded server configuration", Duration.ofSeconds(20));
            events.put("reload", events(fence(sys), server));
            signal(server, "USR2");
            String announced = sys.drainThrough(Pattern.compile("INFO \\{[^\r\n]*\"ldm\":true[^\r\n]*\r\n"),
                    Duration.ofSeconds(20));
            events.put("lame duck", events(announced + fence(sys), server));
            assertThat(a).isNotNull();
        }
    }

    @Test
    void aReloadAnnouncesTheAccountsAndClientsAgainAsNatsServerDoes() {
        assertThat(THEIR_EVENTS.get("reload")).as("nats-server 2.9.10's").contains(
                "$SYS.REQ.ACCOUNT.A.CONNS reply [acc, server]", "$SYS.ACCOUNT.A.CONNECT [client, id, server, "
                        + "timestamp, type]", "$SYS.SERVER.ACCOUNT.A.CONNS " + accountConnectionsKeys());
        assertThat(OUR_EVENTS.get("reload")).isEqualTo(THEIR_EVENTS.get("reload"));
    }

    @Test
    void lameDuckModePublishesOnlyLaterVersionsEvent() {
        assertThat(THEIR_EVENTS.get("lame duck")).isEmpty();
        assertThat(OUR_EVENTS.get("lame duck")).containsExactly("$SYS.SERVER.<id>.LAMEDUCK [host, id, jetstream, "
                + "name, seq, time, ver]");
    }

    private static String accountConnectionsKeys() {
        return "[acc, conns, id, leafnodes, received, sent, server, slow_consumers, timestamp, total_conns, type]";
    }

    /** The events received up to the fence, but the system user's own pings: sorted, "subject [reply] [keys]". */
    private static List<String> events(String received, ServerProcess server) throws IOException {
        List<String> events = new ArrayList<>();
        Matcher matcher = MSG.matcher(received);
        int from = 0;
        while (matcher.find(from)) {
            int start = matcher.end();
            int end = start + Integer.parseInt(matcher.group(3));
            from = end;
            String subject = matcher.group(1);
            if (subject.startsWith("$SYS.REQ.SERVER.PING") || subject.endsWith(".STATSZ")) {
                // The system user's own fences, and STATSZ, which runs on a timer (a reload also restarts it).
                continue;
            }
            JsonNode json = JSON.readTree(received.substring(start, end));
            String id = json.has("server") ? json.get("server").get("id").asText() : json.path("id").asText();
            TreeSet<String> keys = new TreeSet<>();
            for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
                keys.add(names.next());
            }
            events.add(subject.replace(id, "<id>") + (matcher.group(2) == null ? "" : " reply") + " " + keys);
        }
        events.sort(null);
        return events;
    }

    /** Asks for STATSZ on the fence inbox; what was queued before comes first. Returns what arrived up to it. */
    private static String fence(RawClient sys) throws IOException {
        sys.send("PUB $SYS.REQ.SERVER.PING _INBOX.fence 0\r\n\r\n");
        return sys.drainThrough(FENCE, Duration.ofSeconds(20));
    }

    private static void signal(ServerProcess server, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(server.process().pid()))
                .inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static RawClient login(ServerProcess server, String user) throws IOException {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port());
        client.send("CONNECT {\"verbose\":false,\"protocol\":1,\"user\":\"" + user + "\",\"pass\":\"" + user
                + "\"}\r\nPING\r\n").expect("PONG\r\n");
        return client;
    }
}
