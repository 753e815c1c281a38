package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** /routez of a server without a cluster. */
class RoutezIT {

    @Test
    void noRoutes() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            for (String query : new String[] {"", "?subs=1", "?subs=detail"}) {
                JsonNode routez = MonitorHttp.json(server, "/routez" + query);

                assertThat(routez.get("server_id").asText()).isEqualTo(server.server().serverId());
                assertThat(routez.get("server_name").asText()).isEqualTo(server.server().serverId());
                assertThat(routez.get("now").isTextual()).isTrue();
                assertThat(routez.get("num_routes").asInt()).isZero();
                assertThat(routez.get("routes").isArray()).isTrue();
                assertThat(routez.get("routes").isEmpty()).isTrue();
            }
            assertThat(MonitorHttp.badRequest(server, "/routez?subs=2")).isEqualTo(
                    "Error decoding boolean for 'subs': strconv.ParseBool: parsing \"2\": invalid syntax");
        }
    }
}
