package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** /accountz: the accounts, and with {@code acc} one of them in detail. */
class AccountzIT {

    @Test
    void listsTheGlobalAndTheSystemAccounts() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            JsonNode accountz = MonitorHttp.json(server, "/accountz");

            assertThat(accountz.get("server_id").asText()).isEqualTo(server.server().serverId());
            assertThat(accountz.get("accounts").toString()).isEqualTo("[\"$G\",\"$SYS\"]");
            assertThat(accountz.has("account_detail")).isFalse();
            assertThat(accountz.get("system_account").asText()).isEqualTo("$SYS");
            assertThat(MonitorHttp.json(server, "/accountz?acc=%24SYS").get("account_detail").get("is_system")
                    .asBoolean()).isTrue();
        }
    }

    @Test
    void accShowsTheAccountInDetail() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient first = Clients.raw(server, "first");
                RawClient second = Clients.raw(server, "second")) {
            Clients.roundTrip(first, "SUB a 1\r\nSUB b 2\r\n");
            Clients.roundTrip(second, "PUB a 1\r\nx\r\n");

            JsonNode accountz = MonitorHttp.json(server, "/accountz?acc=%24G");

            assertThat(accountz.has("accounts")).isFalse();
            JsonNode detail = accountz.get("account_detail");
            assertThat(detail.get("account_name").asText()).isEqualTo("$G");
            assertThat(Instant.parse(detail.get("update_time").asText()))
                    .isEqualTo(Instant.parse(MonitorHttp.json(server, "/varz").get("start").asText()));
            assertThat(detail.has("is_system")).isFalse();
            assertThat(detail.get("expired").asBoolean()).isFalse();
            assertThat(detail.get("complete").asBoolean()).isTrue();
            assertThat(detail.get("jetstream_enabled").asBoolean()).isFalse();
            assertThat(detail.get("leafnode_connections").asInt()).isZero();
            assertThat(detail.get("client_connections").asInt()).isEqualTo(2);
            assertThat(detail.get("subscriptions").asInt()).isEqualTo(2 + SubszIT.GLOBAL_IMPORT_SUBSCRIPTIONS);
            JsonNode sublist = detail.get("sublist_stats");
            assertThat(sublist.get("num_subscriptions").asInt()).isEqualTo(2 + SubszIT.GLOBAL_IMPORT_SUBSCRIPTIONS);
            assertThat(sublist.get("num_inserts").asLong()).isEqualTo(2 + SubszIT.GLOBAL_IMPORT_SUBSCRIPTIONS);
            assertThat(sublist.get("num_matches").asLong()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownAccountIsRefused() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            assertThat(MonitorHttp.badRequest(server, "/accountz?acc=NOPE")).isEqualTo("Account NOPE does not exist");
        }
    }
}
