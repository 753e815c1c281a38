package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shadows of an importer's subscriptions in a stream export's account, and the clients' ids, compared with the
 * Debian nats-server 2.9.10. For each stream import a subscription meets, nats-server copies it (client, account,
 * sid, queue) into the exporter's sublist on the exporter's subject: the import's subject for a subscription on
 * its local subject or wider, the subscription taken back through the prefix when narrower. The imported messages
 * are counted on the shadows, not on the subscriptions; an UNSUB takes the shadow away too. Both servers get the
 * same configuration and traffic, then /subsz (per account, whole), /varz, /accountz and the system account's
 * SUBSZ service must list and count alike. nats-server numbers its internal clients with its clients (B's for its
 * service imports, the system client, {@code $G}'s and A's for the system imports, the send queue's), so the
 * clients' ids, in /connz and in the CONNECT event, must be the same too.
 */
class ShadowSubscriptionsDifferentialIT {

    private static final String CONFIG = """
            system_account: SYS
            accounts {
              A {
                users [ {user: a, password: a} ]
                exports [ {stream: "ev.>"}, {service: "help"} ]
              }
              B {
                users [ {user: b, password: b} ]
                imports [
                  {stream: {account: A, subject: "ev.>"}, prefix: "imp"}
                  {service: {account: A, subject: "help"}}
                ]
              }
              SYS { users [ {user: sys, password: sys} ] }
            }
            """;

    /** On the import's subject, narrower, wider, elsewhere, in a queue group, narrower and longer. */
    private static final String SUBSCRIPTIONS = "SUB imp.ev.> 1\r\nSUB imp.ev.a 2\r\nSUB imp.> 3\r\nSUB other 4\r\n"
            + "SUB imp.ev.* q 5\r\nSUB imp.ev.a.b 6\r\n";
    private static final Pattern DELIVERY = Pattern.compile("MSG imp\\.ev\\.[ab] \\d 1\r\nx\r\n");
    /** The SUBSZ service's answer, whole: its JSON is one line. */
    private static final Pattern REPLY = Pattern.compile("MSG inbox\\.1 2 {1,2}\\d+\r\n([^\r\n]*)\r\n");
    private static final Pattern CLIENT_ID = Pattern.compile("\"client\":\\{[^}]*\"id\":(\\d+)");

    private static final List<String> REQUESTS = List.of("/subsz", "/subsz?subs=1&acc=A", "/subsz?subs=1&acc=B",
            "/subsz?acc=A", "/subsz?acc=B", "/subsz?acc=SYS", "/subsz?subs=1&test=ev.a", "/varz", "/connz?auth=1",
            "/accountz?acc=A", "/accountz?acc=B");

    /** The connections testkit's ServerProcess opened to nats-server to see it ready. */
    private static final long READINESS_PROBES = 1;

    private static ConfiguredPair servers;
    private static final Map<String, JsonNode> THEIRS = new TreeMap<>();
    private static final Map<String, JsonNode> OURS = new TreeMap<>();
    private static Played theirPlay;
    private static Played ourPlay;

    private record Played(JsonNode subszService, long connectEventClientId) {
    }

    @BeforeAll
    static void startBothServersAndPlayTheSameTraffic() throws Exception {
        servers = ConfiguredPair.start(CONFIG);
        theirPlay = play(servers.natsServerPort());
        ourPlay = play(servers.natriumPort());
        servers.fetchAll(REQUESTS, THEIRS, OURS);
    }

    @AfterAll
    static void stopBothServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    /**
     * The system user watches B's CONNECT; B subscribes six ways, A publishes three messages B receives eleven
     * times, B drops one subscription; the system user then asks for A's subscriptions over the SUBSZ service.
     */
    private static Played play(int port) throws IOException {
        RawClient system = client(port, "sys", "system", "SUB $SYS.ACCOUNT.B.CONNECT 1\r\nSUB inbox.> 2\r\n");
        RawClient importer = client(port, "b", "importer", SUBSCRIPTIONS);
        String connect = system.drainThrough(Pattern.compile("}}\r\n"), Duration.ofSeconds(10));
        Matcher clientId = CLIENT_ID.matcher(connect);
        assertThat(clientId.find()).as(connect).isTrue();
        RawClient exporter = client(port, "a", "exporter", "PUB ev.a 1\r\nx\r\nPUB ev.a 1\r\nx\r\nPUB ev.b 1\r\nx\r\n");
        for (int i = 0; i < 11; i++) {
            importer.expectPattern(DELIVERY);
        }
        importer.send("UNSUB 2\r\nPING\r\n").expect("PONG\r\n");
        exporter.send("PING\r\n").expect("PONG\r\n");
        system.send("PUB $SYS.REQ.ACCOUNT.A.SUBSZ inbox.1 0\r\n\r\n");
        Matcher reply = REPLY.matcher(system.drainThrough(REPLY, Duration.ofSeconds(10)));
        assertThat(reply.find()).isTrue();
        return new Played(MonitorHttp.parse(reply.group(1)).get("data"), Long.parseLong(clientId.group(1)));
    }

    private static RawClient client(int port, String user, String name, String operations) throws IOException {
        return servers.client(port, user, name, operations).expect("PONG\r\n");
    }

    @Test
    void theExporterListsTheShadowsAsNatsServerDoes() {
        for (String request : new String[] {"/subsz?subs=1&acc=A", "/subsz?subs=1&acc=B",
            "/subsz?subs=1&test=ev.a"}) {
            assertThat(subscriptions(OURS.get(request), OURS)).as(request)
                    .isEqualTo(subscriptions(THEIRS.get(request), THEIRS));
        }
        assertThat(subscriptions(OURS.get("/subsz?subs=1&acc=A"), OURS)).as("the shadows, counting the messages")
                .containsEntry("B ev.> 1 importer", 3L).containsEntry("B ev.> 3 importer", 3L)
                .containsEntry("B ev.* q 5 importer", 3L).containsEntry("B ev.a.b 6 importer", 0L)
                .doesNotContainKey("B ev.a 2 importer");
        assertThat(subscriptions(OURS.get("/subsz?subs=1&acc=B"), OURS)).as("the subscriptions count none of them")
                .containsEntry("B imp.ev.> 1 importer", 0L);
    }

    @Test
    void theSubszServiceListsThemAsTheEndpointDoes() {
        assertThat(subscriptions(ourPlay.subszService(), OURS))
                .isEqualTo(subscriptions(theirPlay.subszService(), THEIRS)).containsKey("B ev.> 1 importer");
    }

    @Test
    void everyCountAgrees() {
        for (String account : new String[] {"A", "B"}) {
            JsonNode theirs = THEIRS.get("/accountz?acc=" + account).get("account_detail");
            JsonNode ours = OURS.get("/accountz?acc=" + account).get("account_detail");
            assertThat(ours.get("subscriptions")).as(account).isEqualTo(theirs.get("subscriptions"));
            for (String field : new String[] {"num_subscriptions", "num_inserts", "num_removes"}) {
                assertThat(ours.get("sublist_stats").get(field)).as(account + " " + field)
                        .isEqualTo(theirs.get("sublist_stats").get(field));
                assertThat(OURS.get("/subsz?acc=" + account).get(field)).as("/subsz " + account + " " + field)
                        .isEqualTo(THEIRS.get("/subsz?acc=" + account).get(field));
            }
        }
        assertThat(OURS.get("/accountz?acc=A").get("account_detail").get("subscriptions").asInt())
                .as("A's three system imports and B's four remaining shadows").isEqualTo(7);
        // The system account holds the system client's subscriptions, which differ in number (Natrium answers later
        // versions' services too), and the system user's; every other account's count is the same.
        int ourSystem = OURS.get("/subsz?acc=SYS").get("num_subscriptions").asInt();
        int theirSystem = THEIRS.get("/subsz?acc=SYS").get("num_subscriptions").asInt();
        assertThat(OURS.get("/varz").get("subscriptions").asInt() - ourSystem)
                .isEqualTo(THEIRS.get("/varz").get("subscriptions").asInt() - theirSystem);
        assertThat(OURS.get("/subsz").get("num_subscriptions").asInt() - ourSystem)
                .isEqualTo(THEIRS.get("/subsz").get("num_subscriptions").asInt() - theirSystem);
    }

    /**
     * nats-server numbers B's internal client 1, the system client 2, {@code $G}'s and A's 3 and 4, its send queue's
     * 5, so its first client is 6. The nats-server process was asked for its INFO once before the test, to know it
     * ready (Natrium runs in this JVM and is not), which took one more id there.
     */
    @Test
    void clientsAreNumberedAfterTheInternalClientsAsByNatsServer() {
        Map<String, Long> theirsWithoutTheProbe = new TreeMap<>();
        cids(THEIRS).forEach((name, cid) -> theirsWithoutTheProbe.put(name, cid - READINESS_PROBES));
        assertThat(cids(OURS)).isEqualTo(theirsWithoutTheProbe).containsEntry("system", 6L)
                .containsEntry("importer", 7L).containsEntry("exporter", 8L);
        assertThat(ourPlay.connectEventClientId()).isEqualTo(7)
                .isEqualTo(theirPlay.connectEventClientId() - READINESS_PROBES);
    }

    private static Map<String, Long> cids(Map<String, JsonNode> answers) {
        Map<String, Long> cids = new TreeMap<>();
        answers.get("/connz?auth=1").get("connections")
                .forEach(connection -> cids.put(connection.get("name").asText(), connection.get("cid").asLong()));
        return cids;
    }

    /**
     * The listed subscriptions but the system client's, as "account subject [queue] sid owner" to their messages:
     * the owner is the client's name, or "internal" for a client /connz does not list.
     */
    private static Map<String, Long> subscriptions(JsonNode subsz, Map<String, JsonNode> answers) {
        Map<Long, String> names = new HashMap<>();
        answers.get("/connz?auth=1").get("connections")
                .forEach(connection -> names.put(connection.get("cid").asLong(), connection.get("name").asText()));
        Map<String, Long> subscriptions = new TreeMap<>();
        for (JsonNode subscription : subsz.get("subscriptions_list")) {
            String account = subscription.get("account").asText();
            String subject = subscription.get("subject").asText();
            if (account.equals("SYS") && subject.startsWith("$SYS.")) {
                continue;
            }
            String owner = names.getOrDefault(subscription.get("cid").asLong(), "internal");
            String key = account + " " + subject + " " + (subscription.has("qgroup")
                    ? subscription.get("qgroup").asText() + " " : "") + subscription.get("sid").asText() + " " + owner;
            assertThat(subscriptions.put(key, subscription.get("msgs").asLong())).as("listed once: " + key).isNull();
        }
        return subscriptions;
    }
}
