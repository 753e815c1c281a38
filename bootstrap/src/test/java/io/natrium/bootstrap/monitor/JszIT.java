package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** /jsz of a server with JetStream disabled. */
class JszIT {

    @Test
    void jetStreamIsDisabled() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            for (String query : new String[] {"", "?accounts=true&streams=1&consumers=1&config=1&offset=2&limit=5",
                "?acc=%24G&raft=true&direct-consumers=1&stream-leader-only=0"}) {
                JsonNode jsz = MonitorHttp.json(server, "/jsz" + query);

                assertThat(jsz.get("server_id").asText()).isEqualTo(server.server().serverId());
                assertThat(jsz.get("disabled").asBoolean()).isTrue();
                assertThat(jsz.get("config").toString()).isEqualTo("{\"max_memory\":0,\"max_storage\":0}");
                assertThat(jsz.get("api").toString()).isEqualTo("{\"level\":0,\"total\":0,\"errors\":0}");
                for (String zero : new String[] {"memory", "storage", "reserved_memory", "reserved_storage",
                    "accounts", "ha_assets", "streams", "consumers", "messages", "bytes", "total"}) {
                    assertThat(jsz.get(zero).asLong()).as(zero).isZero();
                }
                assertThat(jsz.has("account_details")).isFalse();
            }
        }
    }

    @Test
    void leaderOnlyAndBadParametersAreRefused() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            assertThat(MonitorHttp.badRequest(server, "/jsz?leader-only=true"))
                    .isEqualTo("filtered response: not leader");
            assertThat(MonitorHttp.badRequest(server, "/jsz?streams=some")).isEqualTo(
                    "Error decoding boolean for 'streams': strconv.ParseBool: parsing \"some\": invalid syntax");
            assertThat(MonitorHttp.badRequest(server, "/jsz?limit=ten"))
                    .isEqualTo("Error decoding int for 'limit': strconv.Atoi: parsing \"ten\": invalid syntax");
        }
    }
}
