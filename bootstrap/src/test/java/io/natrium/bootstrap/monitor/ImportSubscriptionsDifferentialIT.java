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
 * The subscriptions nats-server 2.9.10 makes for imports, compared with the Debian nats-server: its internal client
 * of each account subscribes to the local subject of every service import (the three system imports every account
 * gets included), and the exporter of a service, once a request with a reply has crossed into it, to its response
 * prefix {@code _R_.xxxxxx.>}. Both servers get the same configuration and the same requests through the imports;
 * then /subsz (whole, per account, with {@code test}), /varz, /accountz and the system account's SUBSZ
 * service must list and count the same subscriptions with the same sids and messages. The system client's own
 * subscriptions differ in number (Natrium answers later versions' services too) and are compared elsewhere
 * ({@link SubszIT}); internal clients' ids differ (nats-server numbers them with its clients, in the varying order
 * of its account map), so they are compared as "internal". nats-server subscribes the imports of the configuration
 * file in the varying order of its import map, then the system imports in their order: the first get the first
 * sids in some order (Natrium's: the order of the file), the system imports the next ones.
 */
class ImportSubscriptionsDifferentialIT {

    private static final String CONFIG = """
            system_account: SYS
            accounts {
              A {
                users [ {user: a, password: a} ]
                exports [ {service: "help.>"}, {service: "private"} ]
              }
              B {
                users [ {user: b, password: b} ]
                imports [
                  {service: {account: A, subject: "help.>"}, to: "ahelp.>"}
                  {service: {account: A, subject: "private"}}
                ]
              }
              SYS { users [ {user: sys, password: sys} ] }
            }
            """;

    private static final Pattern RESPONSE_PREFIX = Pattern.compile("_R_\\.[0-9A-Za-z]{6}\\.");
    private static final Pattern REQUEST = Pattern.compile("MSG help\\.x 1 (_R_\\.\\S+) 1\r\n\\?\r\n");
    private static final Pattern REPLY = Pattern.compile("MSG inbox\\.(\\d) 1 {1,2}(\\d+)\r\n");

    private static final List<String> REQUESTS = List.of("/subsz", "/subsz?subs=1", "/subsz?subs=1&acc=A",
            "/subsz?subs=1&acc=B", "/subsz?subs=1&acc=$G", "/subsz?subs=1&acc=SYS", "/subsz?subs=1&test=ahelp.x",
            "/subsz?subs=1&test=$SYS.REQ.ACCOUNT.PING.STATZ", "/subsz?acc=B", "/varz", "/connz?auth=1",
            "/accountz?acc=A", "/accountz?acc=B", "/accountz?acc=$G");

    private static ConfiguredPair servers;
    private static final Map<String, JsonNode> THEIRS = new TreeMap<>();
    private static final Map<String, JsonNode> OURS = new TreeMap<>();
    private static JsonNode theirSubszService;
    private static JsonNode ourSubszService;

    @BeforeAll
    static void startBothServersAndRequestThroughTheImports() throws Exception {
        servers = ConfiguredPair.start(CONFIG);
        theirSubszService = requestThroughTheImports(servers.natsServerPort());
        ourSubszService = requestThroughTheImports(servers.natriumPort());
        servers.fetchAll(REQUESTS, THEIRS, OURS);
    }

    @AfterAll
    static void stopBothServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    /**
     * B asks A's service once with a reply and once without, and asks the system account's CONNZ through its system
     * import; the system user then asks for B's subscriptions over the SUBSZ service, whose reply is returned.
     */
    private static JsonNode requestThroughTheImports(int port) throws IOException {
        RawClient service = client(port, "a", "service", "SUB help.> 1\r\n");
        RawClient requester = client(port, "b", "requester",
                "SUB inbox.> 1\r\nPUB ahelp.x inbox.1 1\r\n?\r\nPUB ahelp.y 1\r\n!\r\n");
        Matcher request = service.expectPattern(REQUEST);
        service.expect("MSG help.y 1 1\r\n!\r\n");
        service.send("PUB " + request.group(1) + " 6\r\nanswer\r\nPING\r\n").expect("PONG\r\n");
        requester.expect("MSG inbox.1 1 6\r\nanswer\r\n");
        requester.send("PUB $SYS.REQ.ACCOUNT.PING.CONNZ inbox.2 0\r\n\r\n");
        assertThat(requester.expectPattern(REPLY).group(1)).isEqualTo("2");
        requester.send("PING\r\n").drainThrough(Pattern.compile("PONG\r\n"), Duration.ofSeconds(10));
        RawClient system = client(port, "sys", "system", "SUB inbox.> 1\r\n");
        system.send("PUB $SYS.REQ.ACCOUNT.B.SUBSZ inbox.3 0\r\n\r\n");
        Matcher reply = system.expectPattern(REPLY);
        assertThat(reply.group(1)).isEqualTo("3");
        String body = system.drainThrough(Pattern.compile("}\r\n"), Duration.ofSeconds(10));
        return MonitorHttp.parse(body.substring(0, body.length() - 2)).get("data");
    }

    private static RawClient client(int port, String user, String name, String operations) throws IOException {
        return servers.client(port, user, name, operations).expect("PONG\r\n");
    }

    @Test
    void subszListsTheImportsSubscriptionsAsNatsServerDoes() {
        for (String request : new String[] {"/subsz?subs=1", "/subsz?subs=1&acc=A", "/subsz?subs=1&acc=B",
            "/subsz?subs=1&acc=$G", "/subsz?subs=1&acc=SYS", "/subsz?subs=1&test=ahelp.x",
            "/subsz?subs=1&test=$SYS.REQ.ACCOUNT.PING.STATZ"}) {
            assertThat(subscriptions(OURS.get(request), OURS)).as(request)
                    .isEqualTo(subscriptions(THEIRS.get(request), THEIRS));
        }
        assertThat(subscriptions(OURS.get("/subsz?subs=1&acc=B"), OURS)).as("B's imports, in their order")
                .containsEntry("B ahelp.> 1|2 internal", 2L).containsEntry("B private 1|2 internal", 0L)
                .containsEntry("B $SYS.REQ.ACCOUNT.PING.CONNZ 3 internal", 1L);
        assertThat(sids(OURS.get("/subsz?subs=1&acc=B"), "ahelp.>", "private")).as("in the order of the file")
                .isEqualTo("1 2");
        assertThat(sids(THEIRS.get("/subsz?subs=1&acc=B"), "ahelp.>", "private")).isIn("1 2", "2 1");
        assertThat(subscriptions(OURS.get("/subsz?subs=1&acc=A"), OURS)).as("the exporter's responses")
                .containsEntry("A _R_.*.> 4 internal", 1L);
    }

    @Test
    void theSubszServiceListsThemAsTheEndpointDoes() {
        assertThat(subscriptions(ourSubszService, OURS)).isEqualTo(subscriptions(theirSubszService, THEIRS))
                .containsKey("B ahelp.> 1|2 internal");
    }

    @Test
    void everyCountAgreesLeavingTheSystemClientOut() {
        for (String account : new String[] {"A", "B", "$G"}) {
            JsonNode theirs = THEIRS.get("/accountz?acc=" + account).get("account_detail");
            JsonNode ours = OURS.get("/accountz?acc=" + account).get("account_detail");
            assertThat(ours.get("subscriptions")).as(account).isEqualTo(theirs.get("subscriptions"));
            for (String field : new String[] {"num_subscriptions", "num_inserts", "num_removes"}) {
                assertThat(ours.get("sublist_stats").get(field)).as(account + " " + field)
                        .isEqualTo(theirs.get("sublist_stats").get(field));
            }
        }
        assertThat(OURS.get("/subsz?acc=B").get("num_subscriptions"))
                .isEqualTo(THEIRS.get("/subsz?acc=B").get("num_subscriptions"));
        assertThat(OURS.get("/varz").get("subscriptions").asInt() - systemClientSubscriptions(OURS))
                .isEqualTo(THEIRS.get("/varz").get("subscriptions").asInt() - systemClientSubscriptions(THEIRS));
        assertThat(OURS.get("/subsz").get("num_subscriptions").asInt() - systemClientSubscriptions(OURS))
                .isEqualTo(THEIRS.get("/subsz").get("num_subscriptions").asInt() - systemClientSubscriptions(THEIRS));
    }

    private static String sids(JsonNode subsz, String first, String second) {
        Map<String, String> sids = new HashMap<>();
        subsz.get("subscriptions_list").forEach(subscription -> sids.put(subscription.get("subject").asText(),
                subscription.get("sid").asText()));
        return sids.get(first) + " " + sids.get(second);
    }

    /** The system client's subscriptions: those in the system account on its own subjects. */
    private static int systemClientSubscriptions(Map<String, JsonNode> answers) {
        int count = 0;
        for (JsonNode subscription : answers.get("/subsz?subs=1&acc=SYS").get("subscriptions_list")) {
            count += subscription.get("subject").asText().startsWith("$SYS.") ? 1 : 0;
        }
        return count;
    }

    /**
     * The listed subscriptions but the system client's, as "account subject sid owner" to their messages: the owner
     * is the client's name, or "internal" for a client /connz does not list; response prefixes are random.
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
            boolean configuredImport = owner.equals("internal") && !subject.startsWith("$SYS.")
                    && !subject.startsWith("_R_.");
            String key = account + " " + RESPONSE_PREFIX.matcher(subject).replaceAll("_R_.*.") + " "
                    + subscription.path("qgroup").asText() + (subscription.has("qgroup") ? " " : "")
                    + (configuredImport ? "1|2" : subscription.get("sid").asText()) + " " + owner;
            assertThat(subscriptions.put(key, subscription.get("msgs").asLong())).as("listed once: " + key).isNull();
        }
        return subscriptions;
    }
}
