package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** /subsz (and /subscriptionsz): sublist statistics and subscriptions, with each query parameter. */
class SubszIT {

    /** What nats-server 2.9.10's system client subscribes to ({@code initEventTracking}). */
    static final int NATS_SERVER_SYSTEM_SUBSCRIPTIONS = 40;

    /**
     * Natrium's system client: nats-server 2.9.10's, then those of later versions' services (IDZ twice, RELOAD,
     * KICK, LDM).
     */
    static final int SYSTEM_SUBSCRIPTIONS = NATS_SERVER_SYSTEM_SUBSCRIPTIONS + 5;

    /**
     * The global account's internal client's, one for each of the three system imports it gets, as nats-server's
     * ({@link ImportSubscriptionsDifferentialIT}).
     */
    static final int GLOBAL_IMPORT_SUBSCRIPTIONS = 3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/subsz", "/subscriptionsz"})
    void reportsSublistStatisticsAfterTraffic(String path) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient subscriber = subscribed(server)) {
            RawClient publisher = Clients.raw(server, "publisher");
            RawClient another = Clients.raw(server, "another");
            // The second publish of orders.new is answered by the publisher's own cache, as in nats-server; the
            // other publisher's first one is a hit in the shared cache.
            Clients.roundTrip(publisher, "PUB orders.new 1\r\na\r\nPUB orders.new 1\r\nb\r\nPUB audit 1\r\nc\r\n");
            Clients.roundTrip(another, "PUB orders.new 1\r\nd\r\n");

            // The global account's sublist alone: without acc, the system account's is added in.
            JsonNode subsz = MonitorHttp.json(server, path + "?acc=%24G");

            assertThat(subsz.get("server_id").asText()).isEqualTo(server.server().serverId());
            assertThat(subsz.get("num_subscriptions").asInt()).isEqualTo(4 + GLOBAL_IMPORT_SUBSCRIPTIONS);
            assertThat(subsz.get("num_inserts").asLong()).isEqualTo(5 + GLOBAL_IMPORT_SUBSCRIPTIONS);
            assertThat(subsz.get("num_removes").asLong()).isEqualTo(1);
            assertThat(subsz.get("num_matches").asLong()).isEqualTo(3);
            assertThat(subsz.get("num_cache").asInt()).isEqualTo(2);
            assertThat(subsz.get("cache_hit_rate").asDouble()).isEqualTo(1.0 / 3);
            assertThat(subsz.get("max_fanout").asInt()).isEqualTo(3);
            assertThat(subsz.get("avg_fanout").asDouble()).isEqualTo(2.5);
            assertThat(subsz.get("total").asInt()).as("nats-server counts only what it lists").isZero();
            assertThat(subsz.get("offset").asInt()).isZero();
            assertThat(subsz.get("limit").asInt()).isEqualTo(1024);
            assertThat(subsz.has("subscriptions_list")).isFalse();
            publisher.close();
            another.close();
        }
    }

    @Test
    void subsListsEverySubscriptionWithItsAccount() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient subscriber = subscribed(server)) {
            JsonNode subsz = MonitorHttp.json(server, "/subsz?subs=1&acc=%24G");

            assertThat(subsz.get("total").asInt()).isEqualTo(4 + GLOBAL_IMPORT_SUBSCRIPTIONS);
            // nats-server's numbering: the system client 1, $G's internal client 2, the send queue's 3, clients on.
            assertThat(details(subsz)).containsExactlyInAnyOrder(
                    "{\"account\":\"$G\",\"subject\":\"$SYS.REQ.ACCOUNT.PING.CONNZ\",\"sid\":\"1\",\"msgs\":0,"
                            + "\"cid\":2}",
                    "{\"account\":\"$G\",\"subject\":\"$SYS.REQ.SERVER.PING.CONNZ\",\"sid\":\"2\",\"msgs\":0,"
                            + "\"cid\":2}",
                    "{\"account\":\"$G\",\"subject\":\"$SYS.REQ.ACCOUNT.PING.STATZ\",\"sid\":\"3\",\"msgs\":0,"
                            + "\"cid\":2}",
                    "{\"account\":\"$G\",\"subject\":\"orders.*\",\"sid\":\"1\",\"msgs\":0,\"cid\":4}",
                    "{\"account\":\"$G\",\"subject\":\"orders.new\",\"qgroup\":\"q\",\"sid\":\"2\",\"msgs\":0,"
                            + "\"max\":9,\"cid\":4}",
                    "{\"account\":\"$G\",\"subject\":\">\",\"sid\":\"3\",\"msgs\":0,\"cid\":4}",
                    "{\"account\":\"$G\",\"subject\":\"audit\",\"sid\":\"5\",\"msgs\":0,\"cid\":4}");
            assertThat(MonitorHttp.json(server, "/subsz?subs=false").has("subscriptions_list")).isFalse();
        }
    }

    @Test
    void offsetAndLimitPageTheList() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient subscriber = subscribed(server)) {
            JsonNode page = MonitorHttp.json(server, "/subsz?subs=1&offset=1&limit=2&acc=%24G");

            assertThat(page.get("subscriptions_list")).hasSize(2);
            assertThat(page.get("total").asInt()).isEqualTo(4 + GLOBAL_IMPORT_SUBSCRIPTIONS);
            assertThat(page.get("offset").asInt()).isEqualTo(1);
            assertThat(page.get("limit").asInt()).isEqualTo(2);
            assertThat(MonitorHttp.json(server, "/subsz?subs=1&offset=6&acc=%24G").get("subscriptions_list"))
                    .hasSize(1);
            assertThat(MonitorHttp.json(server, "/subsz?subs=1&offset=7&acc=%24G").has("subscriptions_list"))
                    .as("an empty page is left out").isFalse();
        }
    }

    @Test
    void testKeepsTheSubscriptionsAMessageOnThatSubjectWouldReach() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient subscriber = subscribed(server)) {
            JsonNode orders = MonitorHttp.json(server, "/subsz?subs=1&test=orders.new");
            assertThat(subjects(orders)).containsExactlyInAnyOrder("orders.*", "orders.new", ">");
            assertThat(orders.get("total").asInt()).isEqualTo(3);
            assertThat(subjects(MonitorHttp.json(server, "/subsz?subs=1&test=audit")))
                    .containsExactlyInAnyOrder(">", "audit");
        }
    }

    @Test
    void accKeepsOneAccount() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient subscriber = subscribed(server)) {
            assertThat(MonitorHttp.json(server, "/subsz?subs=1&acc=%24G").get("total").asInt())
                    .isEqualTo(4 + GLOBAL_IMPORT_SUBSCRIPTIONS);
            JsonNode other = MonitorHttp.json(server, "/subsz?subs=1&acc=OTHER");
            assertThat(other.get("total").asInt()).isZero();
            assertThat(other.get("num_subscriptions").asInt()).isZero();
            assertThat(other.get("num_inserts").asLong()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "test=orders.* | invalid test subject, must be valid publish subject: orders.*",
        "subs=1&test=a..b | invalid test subject, must be valid publish subject: a..b",
        "subs=yes | Error decoding boolean for 'subs': strconv.ParseBool: parsing \"yes\": invalid syntax",
        "offset=x | Error decoding int for 'offset': strconv.Atoi: parsing \"x\": invalid syntax",
        "limit=1e3 | Error decoding int for 'limit': strconv.Atoi: parsing \"1e3\": invalid syntax"})
    void badParametersAreRefused(String query, String text) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            assertThat(MonitorHttp.badRequest(server, "/subsz?" + query)).isEqualTo(text);
        }
    }

    @Test
    void theSystemClientsSubscriptionsAreListedInTheSystemAccount() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient subscriber = subscribed(server)) {
            JsonNode all = MonitorHttp.json(server, "/subsz?subs=1&limit=100");
            JsonNode system = MonitorHttp.json(server, "/subsz?subs=1&limit=100&acc=%24SYS");

            assertThat(all.get("num_subscriptions").asInt())
                    .isEqualTo(4 + SYSTEM_SUBSCRIPTIONS + GLOBAL_IMPORT_SUBSCRIPTIONS);
            assertThat(system.get("total").asInt()).isEqualTo(SYSTEM_SUBSCRIPTIONS);
            assertThat(subjects(system)).contains("$SYS.REQ.SERVER.PING", "$SYS.REQ.SERVER.PING.VARZ",
                    "$SYS.REQ.SERVER." + server.server().serverId() + ".CONNZ", "$SYS.REQ.ACCOUNT.*.CONNZ",
                    "$SYS.REQ.ACCOUNT.NSUBS", "$SYS.DEBUG.SUBSCRIBERS");
            system.get("subscriptions_list").forEach(detail -> {
                assertThat(detail.get("account").asText()).isEqualTo("$SYS");
                assertThat(detail.get("cid").asLong()).as("the system client's, nats-server's first").isEqualTo(1);
            });
        }
    }

    /** One client with four subscriptions (one added and removed), queue group and limit included. */
    private static RawClient subscribed(EmbeddedServer server) throws Exception {
        RawClient client = Clients.raw(server, "subscriber");
        return Clients.roundTrip(client, "SUB orders.* 1\r\nSUB orders.new q 2\r\nUNSUB 2 9\r\nSUB > 3\r\n"
                + "SUB gone 4\r\nUNSUB 4\r\nSUB audit 5\r\n");
    }

    private static List<String> details(JsonNode subsz) {
        List<String> details = new ArrayList<>();
        subsz.get("subscriptions_list").forEach(detail -> details.add(detail.toString()));
        return details;
    }

    private static List<String> subjects(JsonNode subsz) {
        List<String> subjects = new ArrayList<>();
        subsz.get("subscriptions_list").forEach(detail -> subjects.add(detail.get("subject").asText()));
        return subjects;
    }
}
