package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;


import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Debian nats-server and Natrium started with the same configuration of two accounts with users, exports,
 * imports and mappings, the same clients in each account, then the same account-aware monitoring requests: the
 * shapes must match (as in {@link NatsServerKeySetIT}) and so must the values the situation determines, the system
 * account ($SYS) and the imports both servers add for it included.
 */
class AccountsMonitoringIT {

    private static final String CONFIG = """
            accounts {
              A {
                users [ {user: a, password: a} ]
                exports [
                  {stream: "news.>"}
                  {service: "help.>", response_type: stream}
                  {service: "private", accounts: [B], latency: {sampling: 50%, subject: "lat.results"}}
                ]
                mappings { "in.>": "out.>", "w": [{destination: "w1", weight: 40%}, {destination: "w2", weight: 30%}] }
              }
              B {
                users [ {user: b, password: b} ]
                imports [
                  {stream: {account: A, subject: "news.>"}, prefix: "from_a"}
                  {service: {account: A, subject: "help.>"}, to: "ahelp.>"}
                  {service: {account: A, subject: "private"}, share: true}
                ]
              }
            }
            """;

    /** Paths nats-server answers with and Natrium does not, and why. */
    private static final Map<String, String> EXCEPTIONS = Map.of();

    /** Maps whose keys are data: only their type is compared (the values are compared below). */
    private static final Set<String> MAPS = Set.of("/accountz?acc=A.account_detail.mappings");

    private static final List<String> REQUESTS = List.of("/accountz", "/accountz?acc=A", "/accountz?acc=B",
            "/accountz?acc=$G", "/accountz?acc=$SYS", "/accstatz", "/accstatz?unused=1", "/connz?auth=1", "/connz?acc=A",
            "/connz?acc=B&auth=1&subs=1", "/connz?acc=$G", "/connz?acc=NOPE", "/subsz", "/subsz?subs=1",
            "/subsz?acc=A&subs=1", "/subsz?acc=B&subs=1");

    private static ConfiguredPair servers;
    private static final Map<String, JsonNode> THEIRS = new TreeMap<>();
    private static final Map<String, JsonNode> OURS = new TreeMap<>();

    @BeforeAll
    static void startBothServersInTheSameSituation() throws Exception {
        servers = ConfiguredPair.start(CONFIG);
        createSituation(servers.natsServerPort());
        createSituation(servers.natriumPort());
        servers.fetchAll(REQUESTS, THEIRS, OURS);
    }

    @AfterAll
    static void stopBothServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    /**
     * In each account a subscriber and a publisher that publishes once to it: subjects no import or mapping
     * touches, so the deliveries are the same on a server that routes imports and one that does not yet.
     */
    private static void createSituation(int port) throws IOException {
        client(port, "a", "subscriber-a", "SUB foo 1\r\nSUB bar q 2\r\n");
        client(port, "b", "subscriber-b", "SUB baz 1\r\n");
        client(port, "a", "publisher-a", "PUB foo 5\r\nhello\r\n");
        client(port, "b", "publisher-b", "PUB baz 2\r\nhi\r\n");
    }

    private static void client(int port, String user, String name, String operations) throws IOException {
        servers.client(port, user, name, operations)
                .expectPattern(java.util.regex.Pattern.compile("(MSG [^\r]*\r\n[^\r]*\r\n)*PONG\r\n"));
    }

    @Test
    void natriumAnswersWithEveryKeyNatsServerAnswersWithInTheSameType() {
        new JsonKeySets(EXCEPTIONS, MAPS).assertCovered(THEIRS, OURS);
    }

    @Test
    void accountzListsTheSameAccountsAndTheSameSystemAccount() {
        assertThat(texts(OURS.get("/accountz").get("accounts")))
                .isEqualTo(texts(THEIRS.get("/accountz").get("accounts"))).contains("$SYS");
        assertThat(OURS.get("/accountz").get("system_account"))
                .isEqualTo(THEIRS.get("/accountz").get("system_account"));
    }

    @Test
    void accountzDescribesEachAccountAsNatsServerDoes() {
        for (String account : new String[] {"A", "B", "$G", "$SYS"}) {
            JsonNode their = THEIRS.get("/accountz?acc=" + account).get("account_detail");
            JsonNode our = OURS.get("/accountz?acc=" + account).get("account_detail");
            for (String field : new String[] {"account_name", "is_system", "expired", "complete", "jetstream_enabled",
                "leafnode_connections", "client_connections"}) {
                assertThat(our.get(field)).as(account + " " + field).isEqualTo(their.get(field));
            }
            assertThat(our.get("mappings")).as(account + " mappings").isEqualTo(their.get("mappings"));
            assertThat(entries(our.get("exports"))).as(account + " exports").isEqualTo(entries(their.get("exports")));
            assertThat(entries(our.get("imports"))).as(account + " imports")
                    .isEqualTo(entries(their.get("imports")));
        }
    }

    @Test
    void anUnknownAccountIsRefusedWithTheSameWords() throws Exception {
        HttpResponse<String> theirs = MonitorHttp.get(servers.natsServerMonitor() + "/accountz?acc=NOPE");
        HttpResponse<String> ours = MonitorHttp.get(servers.natriumMonitor() + "/accountz?acc=NOPE");

        assertThat(ours.statusCode()).isEqualTo(theirs.statusCode()).isEqualTo(400);
        assertThat(ours.body()).isEqualTo(theirs.body());
    }

    @Test
    void accstatzCountsTheSameConnectionsAndDeliveriesPerAccount() {
        for (String request : new String[] {"/accstatz", "/accstatz?unused=1"}) {
            Map<String, String> theirs = byAccount(THEIRS.get(request).get("account_statz"),
                    AccountsMonitoringIT::connectionsAndDeliveries);
            Map<String, String> ours = byAccount(OURS.get(request).get("account_statz"),
                    AccountsMonitoringIT::connectionsAndDeliveries);
            // The system account's traffic is each server's own events and replies, timed as each sends them.
            assertThat(ours.keySet()).as(request).isEqualTo(theirs.keySet());
            theirs.remove("$SYS");
            ours.remove("$SYS");
            assertThat(ours).as(request).isEqualTo(theirs);
        }
    }

    @Test
    void connzShowsAndFiltersAccountsAsNatsServerDoes() {
        for (String request : new String[] {"/connz?auth=1", "/connz?acc=A", "/connz?acc=B&auth=1&subs=1",
            "/connz?acc=$G", "/connz?acc=NOPE"}) {
            JsonNode theirs = THEIRS.get(request);
            JsonNode ours = OURS.get(request);
            assertThat(ours.get("total")).as(request).isEqualTo(theirs.get("total"));
            assertThat(ours.get("connections").getNodeType()).as(request)
                    .isEqualTo(theirs.get("connections").getNodeType());
            assertThat(connections(ours)).as(request).isEqualTo(connections(theirs));
        }
        assertThat(OURS.get("/connz?acc=NOPE").get("server_id").asText()).isEmpty();
    }

    @Test
    void subszShowsTheClientsSubscriptionsOfEachAccount() {
        for (String request : new String[] {"/subsz?subs=1", "/subsz?acc=A&subs=1", "/subsz?acc=B&subs=1"}) {
            assertThat(clientSubscriptions(OURS.get(request), OURS.get("/connz?auth=1"))).as(request)
                    .isEqualTo(clientSubscriptions(THEIRS.get(request), THEIRS.get("/connz?auth=1")));
        }
        assertThat(OURS.get("/subsz?acc=A&subs=1").get("num_subscriptions").asInt()).as("the clients' and the imports'")
                .isEqualTo(2 + 3);
        // The clients' 3, the system client's 45 (nats-server 2.9.10's has 40: no later services), the 9 of the
        // system imports of $G, A and B and the 2 of B's service imports. B's stream import adds a shadow of
        // B's subscriptions on its subjects in A for nats-server; B has none there.
        assertThat(OURS.get("/subsz").get("num_subscriptions").asInt())
                .isEqualTo(3 + SubszIT.SYSTEM_SUBSCRIPTIONS + 9 + 2);
        assertThat(THEIRS.get("/subsz").get("num_subscriptions").asInt())
                .isEqualTo(3 + SubszIT.NATS_SERVER_SYSTEM_SUBSCRIPTIONS + 9 + 2);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The entries of an array as a set: nats-server lists exports and imports in Go's random map order. */
    private static Set<JsonNode> entries(JsonNode array) {
        Set<JsonNode> entries = new HashSet<>();
        if (array != null) {
            array.forEach(entries::add);
        }
        return entries;
    }

    private static Map<String, String> byAccount(JsonNode statz, Function<JsonNode, String> values) {
        Map<String, String> byAccount = new TreeMap<>();
        statz.forEach(stat -> byAccount.put(stat.get("acc").asText(), values.apply(stat)));
        return byAccount;
    }

    /**
     * Connections and what was delivered for the account's publishers (Natrium also splits them by gateways, routes
     * and leaf nodes, as newer nats-servers do). Received messages are left out: nats-server 2.9.10 counts them for
     * the account its read loop started in, the global one, where newer versions count them for the publisher's.
     */
    private static String connectionsAndDeliveries(JsonNode stat) {
        return stat.get("conns") + " " + stat.get("leafnodes") + " " + stat.get("total_conns") + " "
                + stat.get("sent").get("msgs") + " " + stat.get("sent").get("bytes") + " "
                + stat.get("slow_consumers");
    }

    /** The connections by name, with what the accounts decide about them (ids and ports differ). */
    private static Set<String> connections(JsonNode connz) {
        Set<String> connections = new TreeSet<>();
        JsonNode list = connz.get("connections");
        if (list != null) {
            list.forEach(connection -> connections.add(connection.get("name").asText() + " account="
                    + connection.path("account").asText() + " user=" + connection.path("authorized_user").asText()
                    + " subscriptions=" + connection.get("subscriptions") + " list="
                    + connection.path("subscriptions_list") + " in=" + connection.get("in_msgs") + " out="
                    + connection.get("out_msgs")));
        }
        return connections;
    }

    /**
     * The subscriptions of the clients (nats-server also lists those of its internal clients for the system
     * account's and the imports' services), by account, subject, queue, sid and deliveries.
     */
    private static Set<String> clientSubscriptions(JsonNode subsz, JsonNode connz) {
        Set<Long> clients = new HashSet<>();
        connz.get("connections").forEach(connection -> clients.add(connection.get("cid").asLong()));
        Set<String> subscriptions = new TreeSet<>();
        subsz.get("subscriptions_list").forEach(subscription -> {
            if (clients.contains(subscription.get("cid").asLong())) {
                subscriptions.add(subscription.get("account").asText() + " " + subscription.get("subject").asText()
                        + " " + subscription.path("qgroup").asText() + " " + subscription.get("sid").asText() + " "
                        + subscription.get("msgs"));
            }
        });
        return subscriptions;
    }
}
