package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.nats.client.Connection;
import io.nats.client.Subscription;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** /varz after real client activity: identity, settings in force, counters, times and request statistics. */
class VarzIT {

    @Test
    void reportsTheServerAndTheSettingsInForce() throws Exception {
        ServerSettings.Builder settings = ServerSettings.builder().serverName("varz-test").maxPayload(512 * 1024)
                .pingInterval(Duration.ofSeconds(30)).maxPingsOut(3).writeDeadline(Duration.ofSeconds(5))
                .maxConnections(100).maxSubscriptions(50).maxPending(32L * 1024 * 1024);
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(settings);
                Connection client = Clients.jnats(server, "varz")) {
            JsonNode varz = MonitorHttp.json(server, "/varz");

            assertThat(varz.get("server_id").asText()).isEqualTo(client.getServerInfo().getServerId())
                    .isEqualTo(server.server().serverId());
            assertThat(varz.get("server_name").asText()).isEqualTo("varz-test");
            assertThat(varz.get("version").asText()).isEqualTo("2.11.0");
            assertThat(varz.get("proto").asInt()).isEqualTo(1);
            assertThat(varz.get("go").asText()).startsWith("java");
            assertThat(varz.get("host").asText()).isEqualTo("127.0.0.1");
            assertThat(varz.get("port").asInt()).isEqualTo(server.port());
            assertThat(varz.get("max_connections").asInt()).isEqualTo(100);
            assertThat(varz.get("max_subscriptions").asInt()).isEqualTo(50);
            assertThat(varz.get("ping_interval").asLong()).as("nanoseconds").isEqualTo(30_000_000_000L);
            assertThat(varz.get("ping_max").asInt()).isEqualTo(3);
            assertThat(varz.get("write_deadline").asLong()).as("nanoseconds").isEqualTo(5_000_000_000L);
            assertThat(varz.get("max_payload").asInt()).isEqualTo(512 * 1024);
            assertThat(varz.get("max_control_line").asInt()).isEqualTo(4096);
            assertThat(varz.get("max_pending").asLong()).isEqualTo(32L * 1024 * 1024);
            assertThat(varz.get("auth_timeout").isNumber()).isTrue();
            assertThat(varz.get("auth_timeout").asDouble()).isEqualTo(2.0);
            assertThat(varz.get("tls_timeout").asDouble()).isEqualTo(2.0);
            assertThat(varz.get("http_host").asText()).isEqualTo("127.0.0.1");
            assertThat(varz.get("http_port").asInt()).isEqualTo(server.monitorPort());
            assertThat(varz.get("http_base_path").asText()).isEmpty();
            assertThat(varz.get("https_port").asInt()).isZero();
            assertThat(varz.get("config_digest").asText()).isEmpty();
            assertThat(varz.get("system_account").asText()).isEqualTo("$SYS");
            assertThat(varz.has("tls_required")).isFalse();
            assertThat(varz.has("auth_required")).isFalse();
        }
    }

    @Test
    void saysAuthenticationIsRequiredWhenTheServerAsksForIt() throws Exception {
        ServerSettings.Builder settings = ServerSettings.builder().authorization(a -> a.withToken("secret"));
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(settings)) {
            JsonNode varz = MonitorHttp.json(server, "/varz");

            assertThat(varz.get("auth_required").asBoolean()).isTrue();
        }
    }

    @Test
    void countsTrafficConnectionsAndSubscriptions() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                Connection subscriber = Clients.jnats(server, "subscriber");
                Connection publisher = Clients.jnats(server, "publisher")) {
            Subscription subscription = subscriber.subscribe("orders.*");
            subscriber.subscribe("other");
            subscriber.flush(Clients.TIMEOUT);
            Clients.publish(publisher, "orders.new", 3, 10);
            Clients.publish(publisher, "nobody.listens", 2, 7);
            for (int i = 0; i < 3; i++) {
                assertThat(subscription.nextMessage(Clients.TIMEOUT)).isNotNull();
            }

            JsonNode varz = MonitorHttp.json(server, "/varz");

            assertThat(varz.get("connections").asInt()).isEqualTo(2);
            assertThat(varz.get("total_connections").asLong()).isEqualTo(2);
            assertThat(varz.get("subscriptions").asInt()).as("the clients', the system client's and the imports'")
                    .isEqualTo(2 + SubszIT.SYSTEM_SUBSCRIPTIONS + SubszIT.GLOBAL_IMPORT_SUBSCRIPTIONS);
            assertThat(varz.get("in_msgs").asLong()).isEqualTo(5);
            assertThat(varz.get("in_bytes").asLong()).isEqualTo(44);
            assertThat(varz.get("out_msgs").asLong()).isEqualTo(3);
            assertThat(varz.get("out_bytes").asLong()).isEqualTo(30);
            assertThat(varz.get("in_client_msgs").asLong()).isEqualTo(5);
            assertThat(varz.get("in_client_bytes").asLong()).isEqualTo(44);
            assertThat(varz.get("out_client_msgs").asLong()).isEqualTo(3);
            assertThat(varz.get("out_client_bytes").asLong()).isEqualTo(30);
            assertThat(varz.get("slow_consumers").asLong()).isZero();
            assertThat(varz.get("stale_connections").asLong()).isZero();
            assertThat(varz.get("stalled_clients").asLong()).isZero();
            assertThat(varz.get("routes").asInt()).isZero();
            assertThat(varz.get("remotes").asInt()).isZero();
            assertThat(varz.get("leafnodes").asInt()).isZero();

            subscriber.close();
            JsonNode after = MonitorHttp.awaitJson(server, "/varz", json -> json.get("connections").asInt() == 1);
            assertThat(after.get("total_connections").asLong()).as("ever handled").isEqualTo(2);
            assertThat(after.get("subscriptions").asInt())
                    .isEqualTo(SubszIT.SYSTEM_SUBSCRIPTIONS + SubszIT.GLOBAL_IMPORT_SUBSCRIPTIONS);
        }
    }

    @Test
    void timesAreRfc3339AndUptimeIsCompact() throws Exception {
        Instant before = Instant.now();
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            JsonNode varz = MonitorHttp.json(server, "/varz");
            Instant after = Instant.now();

            Instant start = Instant.parse(varz.get("start").asText());
            Instant now = Instant.parse(varz.get("now").asText());
            assertThat(start).isBetween(before.minusMillis(1), after);
            assertThat(now).isBetween(start, after.plusMillis(1));
            assertThat(varz.get("config_load_time").asText()).as("loaded at start")
                    .isEqualTo(varz.get("start").asText());
            assertThat(varz.get("start").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d*[1-9])?Z");
            assertThat(varz.get("uptime").asText()).matches("\\d+s");
        }
    }

    @Test
    void featuresNotConfiguredAreEmptyObjectsAndTheirCountsZero() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            JsonNode varz = MonitorHttp.json(server, "/varz");

            for (String feature : new String[] {"cluster", "gateway", "leaf", "mqtt", "websocket", "jetstream"}) {
                assertThat(varz.get(feature).isObject()).as(feature).isTrue();
                assertThat(varz.get(feature).isEmpty()).as(feature).isTrue();
            }
            for (String kinds : new String[] {"slow_consumer_stats", "stale_connection_stats"}) {
                assertThat(fields(varz.get(kinds))).as(kinds)
                        .isEqualTo(Map.of("clients", 0L, "routes", 0L, "gateways", 0L, "leafs", 0L));
            }
            assertThat(fields(varz.get("disk_io_wait_stats")))
                    .isEqualTo(Map.of("waiters", 0L, "waits", 0L, "wait_time", 0L, "max_wait_time", 0L));
        }
    }

    @Test
    void processFiguresAreReported() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            JsonNode varz = MonitorHttp.json(server, "/varz");

            assertThat(varz.get("mem").asLong()).isPositive();
            assertThat(varz.get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(varz.get("gomaxprocs").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(varz.get("cpu").isNumber()).isTrue();
            assertThat(varz.get("cpu").asDouble()).isNotNegative();
        }
    }

    @Test
    void httpRequestStatisticsCountRequestsPerEndpoint() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            MonitorHttp.json(server, "/connz");
            MonitorHttp.json(server, "/connz?subs=1");
            MonitorHttp.json(server, "/subsz");
            MonitorHttp.json(server, "/subscriptionsz");
            MonitorHttp.get(server, "/healthz");
            MonitorHttp.get(server, "/");
            MonitorHttp.get(server, "/stacksz");
            MonitorHttp.get(server, "/nowhere");
            MonitorHttp.badRequest(server, "/connz?limit=x");

            JsonNode varz = MonitorHttp.json(server, "/varz");

            assertThat(fields(varz.get("http_req_stats"))).as("/stacksz is not counted, nor refused parameters of "
                    + "/connz, nor unknown paths; /subscriptionsz counts as /subsz")
                    .isEqualTo(Map.of("/connz", 2L, "/subsz", 2L, "/healthz", 1L, "/", 1L, "/varz", 1L));
        }
    }

    private static Map<String, Long> fields(JsonNode object) {
        Map<String, Long> values = new TreeMap<>();
        object.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asLong()));
        return values;
    }
}
