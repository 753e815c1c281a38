package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** /leafz of a server without leaf nodes. */
class LeafzIT {

    @Test
    void noLeafNodes() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            for (String query : new String[] {"", "?subs=1", "?acc=%24G"}) {
                JsonNode leafz = MonitorHttp.json(server, "/leafz" + query);

                assertThat(leafz.get("server_id").asText()).isEqualTo(server.server().serverId());
                assertThat(leafz.get("now").isTextual()).isTrue();
                assertThat(leafz.get("leafnodes").asInt()).isZero();
                assertThat(leafz.get("leafs").isArray()).isTrue();
                assertThat(leafz.get("leafs").isEmpty()).isTrue();
            }
            assertThat(MonitorHttp.badRequest(server, "/leafz?subs=detail")).isEqualTo(
                    "Error decoding boolean for 'subs': strconv.ParseBool: parsing \"detail\": invalid syntax");
        }
    }
}
