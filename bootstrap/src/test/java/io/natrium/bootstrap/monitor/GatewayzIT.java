package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** /gatewayz of a server without gateways. */
class GatewayzIT {

    @Test
    void noGateways() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            for (String query : new String[] {"", "?accs=1", "?gw_name=east&acc_name=A&subs=detail"}) {
                JsonNode gatewayz = MonitorHttp.json(server, "/gatewayz" + query);

                assertThat(gatewayz.get("server_id").asText()).isEqualTo(server.server().serverId());
                assertThat(gatewayz.get("now").isTextual()).isTrue();
                assertThat(gatewayz.get("outbound_gateways").isObject()).isTrue();
                assertThat(gatewayz.get("outbound_gateways").isEmpty()).isTrue();
                assertThat(gatewayz.get("inbound_gateways").isObject()).isTrue();
                assertThat(gatewayz.get("inbound_gateways").isEmpty()).isTrue();
                assertThat(gatewayz.has("name")).isFalse();
            }
            assertThat(MonitorHttp.badRequest(server, "/gatewayz?accs=all")).isEqualTo(
                    "Error decoding boolean for 'accs': strconv.ParseBool: parsing \"all\": invalid syntax");
        }
    }
}
