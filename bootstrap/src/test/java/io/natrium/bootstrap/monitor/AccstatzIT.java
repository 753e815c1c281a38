package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** /accstatz: the traffic of the accounts in use, or of all with {@code unused}. */
class AccstatzIT {

    @Test
    void anAccountWithoutConnectionsIsListedOnlyWhenUnusedOnesAreAskedFor() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            JsonNode none = MonitorHttp.json(server, "/accstatz");
            assertThat(none.get("server_id").asText()).isEqualTo(server.server().serverId());
            assertThat(none.get("account_statz").isArray()).isTrue();
            assertThat(none.get("account_statz").isEmpty()).isTrue();

            // As nats-server 2.9.10 lists them: the global account and the system account, neither connected to.
            JsonNode unused = MonitorHttp.json(server, "/accstatz?unused=1");
            assertThat(unused.get("account_statz")).hasSize(2);
            assertThat(unused.get("account_statz").get(0).get("acc").asText()).isEqualTo("$G");
            assertThat(unused.get("account_statz").get(1).get("acc").asText()).isEqualTo("$SYS");
            assertThat(unused.get("account_statz").get(0).get("conns").asInt()).isZero();
            assertThat(unused.get("account_statz").get(1).get("conns").asInt()).isZero();
        }
    }

    @Test
    void countsTheAccountsConnectionsAndTraffic() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient subscriber = Clients.raw(server, "subscriber");
                RawClient publisher = Clients.raw(server, "publisher")) {
            Clients.roundTrip(subscriber, "SUB news 1\r\nSUB news 2\r\n");
            Clients.roundTrip(publisher, "PUB news 4\r\nabcd\r\n");

            JsonNode stat = MonitorHttp.json(server, "/accstatz").get("account_statz").get(0);

            assertThat(stat.get("acc").asText()).isEqualTo("$G");
            assertThat(stat.get("name").asText()).isEmpty();
            assertThat(stat.get("conns").asInt()).isEqualTo(2);
            assertThat(stat.get("leafnodes").asInt()).isZero();
            assertThat(stat.get("total_conns").asInt()).isEqualTo(2);
            assertThat(stat.get("num_subscriptions").asInt()).isEqualTo(2 + SubszIT.GLOBAL_IMPORT_SUBSCRIPTIONS);
            assertThat(stat.get("received").get("msgs").asLong()).isEqualTo(1);
            assertThat(stat.get("received").get("bytes").asLong()).isEqualTo(4);
            assertThat(stat.get("sent").get("msgs").asLong()).isEqualTo(2);
            assertThat(stat.get("sent").get("bytes").asLong()).isEqualTo(8);
            for (String kind : new String[] {"gateways", "routes", "leafs"}) {
                assertThat(stat.get("sent").get(kind).toString()).isEqualTo("{\"msgs\":0,\"bytes\":0}");
            }
            assertThat(stat.get("slow_consumers").asLong()).isZero();
        }
    }

    @Test
    void aBadUnusedIsRefused() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            assertThat(MonitorHttp.badRequest(server, "/accstatz?unused=perhaps")).isEqualTo(
                    "Error decoding boolean for 'unused': strconv.ParseBool: parsing \"perhaps\": invalid syntax");
        }
    }
}
