package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** /connz with more connections than its default page of 1024 (cids from 4, after nats-server's internal clients). */
class ConnzLimitIT {

    private static final int CONNECTIONS = 1_100;

    @Test
    void theDefaultPageHolds1024Connections() throws Exception {
        List<Socket> sockets = new ArrayList<>(CONNECTIONS);
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            for (int i = 0; i < CONNECTIONS; i++) {
                sockets.add(new Socket("127.0.0.1", server.port()));
            }
            MonitorHttp.awaitJson(server, "/connz?limit=1", json -> json.get("total").asInt() == CONNECTIONS);

            JsonNode first = MonitorHttp.json(server, "/connz");
            assertThat(first.get("limit").asInt()).isEqualTo(1024);
            assertThat(first.get("num_connections").asInt()).isEqualTo(1024);
            assertThat(first.get("total").asInt()).isEqualTo(CONNECTIONS);
            assertThat(first.get("connections").get(1023).get("cid").asLong()).isEqualTo(1024 + 3);

            JsonNode rest = MonitorHttp.json(server, "/connz?offset=1024");
            assertThat(rest.get("num_connections").asInt()).isEqualTo(CONNECTIONS - 1024);
            assertThat(rest.get("connections").get(0).get("cid").asLong()).isEqualTo(1025 + 3);

            JsonNode detailed = MonitorHttp.json(server, "/connz?limit=2000&subs=detail&sort=idle");
            assertThat(detailed.get("num_connections").asInt()).isEqualTo(CONNECTIONS);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
