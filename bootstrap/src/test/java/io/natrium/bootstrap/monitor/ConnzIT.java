package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;
import io.nats.client.Connection;
import io.nats.client.Nats;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * /connz and each of its query parameters, after real client activity. The first client is cid 4: nats-server numbers
 * its internal clients first (the system client, {@code $G}'s for the system imports, the system send queue's).
 */
class ConnzIT {

    @Test
    void listsOpenConnectionsWithNatsServersFields() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                Connection subscriber = Clients.jnats(server, "subscriber");
                Connection publisher = Clients.jnats(server, "publisher")) {
            subscriber.subscribe("prices.>");
            subscriber.subscribe("alerts");
            subscriber.flush(Clients.TIMEOUT);
            Clients.publish(publisher, "prices.eur", 4, 25);
            subscriber.flush(Clients.TIMEOUT);

            JsonNode connz = MonitorHttp.json(server, "/connz");

            assertThat(connz.get("server_id").asText()).isEqualTo(server.server().serverId());
            assertThat(Instant.parse(connz.get("now").asText())).isBeforeOrEqualTo(Instant.now());
            assertThat(connz.get("num_connections").asInt()).isEqualTo(2);
            assertThat(connz.get("total").asInt()).isEqualTo(2);
            assertThat(connz.get("offset").asInt()).isZero();
            assertThat(connz.get("limit").asInt()).isEqualTo(1024);
            JsonNode first = connz.get("connections").get(0);
            JsonNode second = connz.get("connections").get(1);
            assertThat(first.get("cid").asLong()).isEqualTo(4);
            assertThat(second.get("cid").asLong()).isEqualTo(5);
            assertThat(first.get("kind").asText()).isEqualTo("Client");
            assertThat(first.get("type").asText()).isEqualTo("nats");
            assertThat(first.get("ip").asText()).isEqualTo("127.0.0.1");
            assertThat(first.get("port").asInt()).isPositive();
            assertThat(Instant.parse(first.get("start").asText()))
                    .isBeforeOrEqualTo(Instant.parse(first.get("last_activity").asText()));
            assertThat(first.get("rtt").asText()).matches("[0-9.]+(ns|µs|ms|s)");
            assertThat(first.get("uptime").asText()).matches("\\d+s");
            assertThat(first.get("idle").asText()).matches("\\d+s");
            assertThat(first.get("pending_bytes").asLong()).isZero();
            assertThat(first.get("name").asText()).isEqualTo("subscriber");
            assertThat(first.get("lang").asText()).isEqualTo("java");
            assertThat(first.get("version").asText()).isEqualTo(Nats.CLIENT_VERSION);
            assertThat(first.get("subscriptions").asInt()).isEqualTo(2);
            assertThat(first.get("out_msgs").asLong()).isEqualTo(4);
            assertThat(first.get("out_bytes").asLong()).isEqualTo(100);
            assertThat(first.get("in_msgs").asLong()).isZero();
            assertThat(second.get("name").asText()).isEqualTo("publisher");
            assertThat(second.get("in_msgs").asLong()).isEqualTo(4);
            assertThat(second.get("in_bytes").asLong()).isEqualTo(100);
            assertThat(second.get("subscriptions").asInt()).isZero();
            for (String absent : new String[] {"stop", "reason", "stalls", "authorized_user", "account",
                "subscriptions_list", "subscriptions_list_detail", "tls_version"}) {
                assertThat(first.has(absent)).as(absent).isFalse();
            }
        }
    }

    @Test
    void aDeliveryCountsAsActivityOfTheSubscriber() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient subscriber = Clients.raw(server, "subscriber");
                RawClient publisher = Clients.raw(server, "publisher")) {
            Clients.roundTrip(subscriber, "SUB news 1\r\n");
            Instant subscribed = lastActivity(server, 4);

            Clients.roundTrip(publisher, "PUB news 5\r\nhello\r\n");
            subscriber.expect("MSG news 1 5\r\nhello\r\n");

            assertThat(lastActivity(server, 4)).as("the subscriber's last activity is the delivery's, as the "
                    + "publisher's is").isAfter(subscribed).isEqualTo(lastActivity(server, 5));
        }
    }

    private static Instant lastActivity(EmbeddedServer server, long cid) throws Exception {
        JsonNode connection = MonitorHttp.json(server, "/connz?cid=" + cid).get("connections").get(0);
        return Instant.parse(connection.get("last_activity").asText());
    }

    @Test
    void theIpAndPortAreTheClients() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            Clients.roundTrip(client, String.format(Clients.QUIET_CONNECT, "raw"));

            JsonNode connection = MonitorHttp.json(server, "/connz").get("connections").get(0);

            assertThat(connection.get("port").asInt()).isEqualTo(client.localPort());
            assertThat(connection.get("name").asText()).isEqualTo("raw");
            assertThat(connection.has("lang")).as("a raw client names no language").isFalse();
        }
    }

    @Test
    void offsetAndLimitPageTheSortedConnections() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            List<RawClient> clients = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                clients.add(Clients.raw(server, "c" + i));
            }

            JsonNode page = MonitorHttp.json(server, "/connz?offset=1&limit=2");
            assertThat(cids(page)).containsExactly(5L, 6L);
            assertThat(page.get("num_connections").asInt()).isEqualTo(2);
            assertThat(page.get("total").asInt()).isEqualTo(5);
            assertThat(page.get("offset").asInt()).isEqualTo(1);
            assertThat(page.get("limit").asInt()).isEqualTo(2);
            assertThat(cids(MonitorHttp.json(server, "/connz?offset=3"))).containsExactly(7L, 8L);
            assertThat(cids(MonitorHttp.json(server, "/connz?offset=9"))).isEmpty();
            assertThat(cids(MonitorHttp.json(server, "/connz?limit=0"))).hasSize(5);
            JsonNode negative = MonitorHttp.json(server, "/connz?offset=-4&limit=-1");
            assertThat(negative.get("offset").asInt()).isZero();
            assertThat(negative.get("limit").asInt()).isEqualTo(1024);
            for (RawClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void cidSelectsOneConnectionOpenOrClosed() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient first = Clients.raw(server, "first");
                RawClient second = Clients.raw(server, "second")) {
            RawClient third = Clients.raw(server, "third");
            third.close();
            MonitorHttp.awaitJson(server, "/connz?state=closed", json -> json.get("total").asInt() == 1);

            JsonNode one = MonitorHttp.json(server, "/connz?cid=5");
            assertThat(cids(one)).containsExactly(5L);
            assertThat(one.get("limit").asInt()).isEqualTo(1);
            assertThat(one.get("total").asInt()).isEqualTo(2);
            assertThat(cids(MonitorHttp.json(server, "/connz?cid=6"))).as("closed, not open").isEmpty();
            assertThat(cids(MonitorHttp.json(server, "/connz?cid=6&state=closed"))).containsExactly(6L);
            assertThat(cids(MonitorHttp.json(server, "/connz?cid=6&state=any"))).containsExactly(6L);
            assertThat(cids(MonitorHttp.json(server, "/connz?cid=4&state=all"))).containsExactly(4L);
            assertThat(cids(MonitorHttp.json(server, "/connz?cid=99&state=all"))).isEmpty();
        }
    }

    @Test
    void authAddsTheAuthorizedUserAndUserFilters() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                Connection bob = Clients.jnats(Clients.options(server, "bob").userInfo("bob", "secret"));
                Connection token = Clients.jnats(Clients.options(server, "token").token("s3cr3t".toCharArray()));
                Connection anonymous = Clients.jnats(server, "anonymous")) {
            JsonNode withAuth = MonitorHttp.json(server, "/connz?auth=true");
            assertThat(withAuth.get("connections").get(0).get("authorized_user").asText()).isEqualTo("bob");
            assertThat(withAuth.get("connections").get(1).get("authorized_user").asText()).isEqualTo("[REDACTED]");
            assertThat(withAuth.get("connections").get(2).has("authorized_user")).isFalse();
            assertThat(withAuth.get("connections").get(0).has("account"))
                    .as("the global account is not named").isFalse();
            assertThat(MonitorHttp.json(server, "/connz").get("connections").get(0).has("authorized_user"))
                    .isFalse();

            JsonNode bobs = MonitorHttp.json(server, "/connz?user=bob");
            assertThat(cids(bobs)).containsExactly(4L);
            assertThat(bobs.get("total").asInt()).as("counted before the user filter").isEqualTo(3);
            assertThat(cids(MonitorHttp.json(server, "/connz?user=alice"))).isEmpty();

            bob.close();
            MonitorHttp.awaitJson(server, "/connz?state=closed", json -> json.get("total").asInt() == 1);
            JsonNode closed = MonitorHttp.json(server, "/connz?state=closed&user=bob&auth=1");
            assertThat(cids(closed)).containsExactly(4L);
            assertThat(closed.get("connections").get(0).get("authorized_user").asText()).isEqualTo("bob");
            assertThat(token.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            assertThat(anonymous.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
    }

    @Test
    void accFiltersByAccount() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient first = Clients.raw(server, "first");
                RawClient second = Clients.raw(server, "second")) {
            assertThat(cids(MonitorHttp.json(server, "/connz?acc=%24G"))).containsExactly(4L, 5L);

            JsonNode unknown = MonitorHttp.json(server, "/connz?acc=NOPE");
            assertThat(unknown.get("server_id").asText()).as("as nats-server answers").isEmpty();
            assertThat(unknown.get("connections").isNull()).isTrue();
            assertThat(unknown.get("total").asInt()).isZero();
            assertThat(unknown.get("num_connections").asInt()).isZero();
        }
    }

    @Test
    void mqttClientFindsNoneAmongNatsClients() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient client = Clients.raw(server, "nats")) {
            JsonNode connz = MonitorHttp.json(server, "/connz?mqtt_client=sensor-1");

            assertThat(connz.get("connections").isArray()).isTrue();
            assertThat(connz.get("connections").isEmpty()).isTrue();
            assertThat(connz.get("total").asInt()).isEqualTo(1);
            assertThat(cids(MonitorHttp.json(server, "/connz?mqtt_client="))).containsExactly(4L);
        }
    }

    @Test
    void subsListsSubjectsOrDetails() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient client = Clients.raw(server, "subscriber");
                RawClient publisher = Clients.raw(server, "publisher")) {
            Clients.roundTrip(client, "SUB orders.> 1\r\nSUB jobs workers 2\r\nUNSUB 2 10\r\n");
            Clients.roundTrip(publisher, "PUB orders.new 2\r\nhi\r\nPUB jobs 1\r\nx\r\n");
            client.expect("MSG orders.new 1 2\r\nhi\r\n").expect("MSG jobs 2 1\r\nx\r\n");

            JsonNode subjects = MonitorHttp.json(server, "/connz?subs=true").get("connections").get(0);
            assertThat(texts(subjects.get("subscriptions_list"))).containsExactlyInAnyOrder("orders.>", "jobs");
            assertThat(subjects.has("subscriptions_list_detail")).isFalse();
            assertThat(MonitorHttp.json(server, "/connz?subs=0").get("connections").get(0)
                    .has("subscriptions_list")).isFalse();
            assertThat(MonitorHttp.json(server, "/connz?subs=1").get("connections").get(1)
                    .has("subscriptions_list")).as("a connection without subscriptions lists none").isFalse();

            JsonNode detail = MonitorHttp.json(server, "/connz?subs=detail").get("connections").get(0);
            assertThat(detail.has("subscriptions_list")).isFalse();
            List<String> details = new ArrayList<>();
            detail.get("subscriptions_list_detail").forEach(sub -> details.add(sub.toString()));
            assertThat(details).containsExactlyInAnyOrder(
                    "{\"subject\":\"orders.>\",\"sid\":\"1\",\"msgs\":1,\"cid\":4}",
                    "{\"subject\":\"jobs\",\"qgroup\":\"workers\",\"sid\":\"2\",\"msgs\":1,\"max\":10,\"cid\":4}");
            assertThat(MonitorHttp.json(server, "/connz?subs=DETAIL").get("connections").get(0)
                    .has("subscriptions_list_detail")).isTrue();
        }
    }

    @Test
    void stateChoosesOpenClosedOrBoth() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient open = Clients.raw(server, "open")) {
            RawClient gone = Clients.raw(server, "gone");
            gone.close();
            MonitorHttp.awaitJson(server, "/connz?state=closed", json -> json.get("total").asInt() == 1);

            assertThat(cids(MonitorHttp.json(server, "/connz"))).containsExactly(4L);
            assertThat(cids(MonitorHttp.json(server, "/connz?state=open"))).containsExactly(4L);
            JsonNode closed = MonitorHttp.json(server, "/connz?state=CLOSED");
            assertThat(cids(closed)).containsExactly(5L);
            assertThat(closed.get("connections").get(0).get("reason").asText()).isEqualTo("Client Closed");
            assertThat(closed.get("connections").get(0).has("stop")).isTrue();
            JsonNode any = MonitorHttp.json(server, "/connz?state=any");
            assertThat(cids(any)).containsExactly(4L, 5L);
            assertThat(any.get("total").asInt()).isEqualTo(2);
            assertThat(any.get("connections").get(0).has("stop")).isFalse();
            assertThat(cids(MonitorHttp.json(server, "/connz?state=all"))).containsExactly(4L, 5L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sort=foo | invalid sorting option: foo",
        "sort=stop | sort by stop only valid on closed connections",
        "sort=reason&state=any | sort by reason only valid on closed connections",
        "auth=maybe | Error decoding boolean for 'auth': strconv.ParseBool: parsing \"maybe\": invalid syntax",
        "subs=xyz | Error decoding boolean for 'subs': strconv.ParseBool: parsing \"xyz\": invalid syntax",
        "offset=one | Error decoding int for 'offset': strconv.Atoi: parsing \"one\": invalid syntax",
        "limit=a | Error decoding int for 'limit': strconv.Atoi: parsing \"a\": invalid syntax",
        "cid=-1 | Error decoding uint64 for 'cid': strconv.ParseUint: parsing \"-1\": invalid syntax",
        "state=bogus | Error decoding state for bogus",
        "auth=x&limit=y | Error decoding boolean for 'auth': strconv.ParseBool: parsing \"x\": invalid syntax"})
    void badParametersAreRefusedWithNatsServersText(String query, String text) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            var response = MonitorHttp.get(server, "/connz?" + query);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo(text);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        }
    }

    static List<Long> cids(JsonNode connz) {
        List<Long> cids = new ArrayList<>();
        connz.get("connections").forEach(connection -> cids.add(connection.get("cid").asLong()));
        return cids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
