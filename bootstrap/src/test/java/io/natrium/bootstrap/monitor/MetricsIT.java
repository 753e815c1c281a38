package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.prometheus.Exposition;
import io.natrium.testkit.prometheus.MetricFamily;
import io.natrium.testkit.prometheus.PrometheusTextParser;
import io.natrium.testkit.prometheus.Sample;
import io.nats.client.Connection;
import io.nats.client.Subscription;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code /metrics}: read with a strict parser of the Prometheus text format, its numbers are those /varz, /connz,
 * /subsz and /accstatz report after real client traffic.
 */
class MetricsIT {

    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** A connection name that needs every escape a label value has... */
    private static final String AWKWARD_NAME = "sub \"quoted\" \\ back\\slash\nline two";
    /** ...as the CONNECT JSON carries it (jnats would send the quotes unescaped). */
    private static final String AWKWARD_NAME_JSON = "sub \\\"quoted\\\" \\\\ back\\\\slash\\nline two";

    @Test
    void serverNumbersMatchVarzAfterClientTraffic() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(ServerSettings.builder()
                .serverName("metrics-test").maxPayload(512 * 1024));
                Connection subscriber = Clients.jnats(server, "subscriber");
                Connection publisher = Clients.jnats(server, "publisher")) {
            Subscription orders = subscriber.subscribe("orders.*");
            subscriber.subscribe("other");
            subscriber.flush(Clients.TIMEOUT);
            Clients.publish(publisher, "orders.new", 3, 10);
            Clients.publish(publisher, "nobody.listens", 2, 7);
            for (int i = 0; i < 3; i++) {
                assertThat(orders.nextMessage(Clients.TIMEOUT)).isNotNull();
            }

            Exposition metrics = scrape(server, "/metrics");
            JsonNode varz = MonitorHttp.json(server, "/varz");
            String id = server.server().serverId();

            assertThat(varz.get("in_msgs").asLong()).as("the traffic was counted").isEqualTo(5);
            for (String field : new String[] {"in_msgs", "in_bytes", "out_msgs", "out_bytes", "connections",
                "total_connections", "subscriptions", "slow_consumers", "stale_connections", "stalled_clients",
                "max_payload", "max_connections", "max_pending", "max_control_line", "ping_interval", "ping_max",
                "write_deadline", "port", "proto", "cores", "routes", "leafnodes"}) {
                assertThat(metrics.value("gnatsd_varz_" + field, "server_id", id)).as(field)
                        .isEqualTo(varz.get(field).asDouble());
            }
            assertThat(metrics.value("gnatsd_varz_slow_consumer_stats_clients"))
                    .isEqualTo(varz.get("slow_consumer_stats").get("clients").asDouble());
            assertThat(metrics.value("gnatsd_varz_server_name", "value", "metrics-test")).isEqualTo(1);
            assertThat(metrics.value("gnatsd_varz_version", "value", varz.get("version").asText())).isEqualTo(1);
            assertThat(metrics.value("gnatsd_varz_mem")).isPositive();
            assertThat(metrics.value("gnatsd_varz_start_time_seconds"))
                    .isCloseTo(Instant.parse(varz.get("start").asText()).toEpochMilli() / 1e3, offset(0.001));
            assertThat(metrics.value("gnatsd_varz_http_req_stats", "endpoint", "/metrics"))
                    .as("counted before it answered").isEqualTo(1);
            assertThat(varz.get("http_req_stats").get("/metrics").asLong()).isEqualTo(1);
            assertThat(metrics.family("gnatsd_varz_in_msgs").type()).isEqualTo("counter");
            assertThat(metrics.family("gnatsd_varz_connections").type()).isEqualTo("gauge");
        }
    }

    @Test
    void connectionsSubscriptionsAndAccountsMatchTheirEndpoints() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient subscriber = Clients.raw(server, AWKWARD_NAME_JSON);
                Connection publisher = Clients.jnats(server, "publisher")) {
            Clients.roundTrip(subscriber, "SUB news.> 1\r\nSUB weather workers 2\r\n");
            Clients.publish(publisher, "news.today", 4, 100);
            String message = "MSG news.today 1 100\r\n" + "\0".repeat(100) + "\r\n";
            subscriber.expect(message.repeat(4));
            // Connections publish their counters for other threads; wait until /connz shows the deliveries.
            MonitorHttp.awaitJson(server, "/connz",
                    connz -> connz.get("connections").get(0).get("out_msgs").asLong() == 4);

            // The system account's own events match subjects now and then: take a scrape that /subsz, read just
            // before and just after it, shows unchanged.
            JsonNode subsz = MonitorHttp.json(server, "/subsz");
            Exposition metrics = scrape(server, "/metrics");
            for (int tries = 0; tries < 20 && !sameSublistStatistics(subsz, MonitorHttp.json(server, "/subsz"));
                    tries++) {
                subsz = MonitorHttp.json(server, "/subsz");
                metrics = scrape(server, "/metrics");
            }
            JsonNode connz = MonitorHttp.json(server, "/connz");
            JsonNode accstatz = MonitorHttp.json(server, "/accstatz?unused=1").get("account_statz").get(0);
            String id = server.server().serverId();

            assertThat(metrics.value("gnatsd_connz_total", "server_id", id)).isEqualTo(2);
            assertThat(metrics.value("gnatsd_connz_num_connections", "server_id", id)).isEqualTo(2);
            for (JsonNode connection : connz.get("connections")) {
                String cid = connection.get("cid").asText();
                List<Sample> inMsgs = metrics.samples("gnatsd_connz_in_msgs", "cid", cid);
                assertThat(inMsgs).hasSize(1);
                assertThat(inMsgs.get(0).labels()).containsEntry("server_id", id)
                        .containsEntry("name", connection.path("name").asText())
                        .containsEntry("ip", "127.0.0.1")
                        .containsEntry("port", connection.get("port").asText())
                        .containsEntry("lang", connection.path("lang").asText())
                        .containsEntry("version", connection.path("version").asText())
                        .containsEntry("kind", "Client")
                        .containsEntry("type", "nats");
                for (String field : new String[] {"in_msgs", "out_msgs", "in_bytes", "out_bytes", "pending_bytes",
                    "subscriptions"}) {
                    assertThat(metrics.value("gnatsd_connz_" + field, "cid", cid)).as("%s of cid %s", field, cid)
                            .isEqualTo(connection.get(field).asDouble());
                }
            }
            assertThat(metrics.value("gnatsd_connz_subscriptions", "name", AWKWARD_NAME))
                    .as("a name with quotes and backslashes reads back as it was").isEqualTo(2);
            assertThat(metrics.value("gnatsd_connz_out_msgs", "name", AWKWARD_NAME)).isEqualTo(4);
            assertThat(metrics.value("gnatsd_connz_in_msgs", "name", "publisher", "lang", "java")).isEqualTo(4);

            for (String field : new String[] {"num_subscriptions", "num_cache", "num_inserts", "num_removes",
                "num_matches", "cache_hit_rate", "max_fanout", "avg_fanout"}) {
                assertThat(metrics.value("gnatsd_subsz_" + field, "server_id", id)).as(field)
                        .isEqualTo(subsz.get(field).asDouble());
            }
            // The clients' two subscriptions beside the system account's own and the global account's imports', as
            // nats-server counts them all.
            JsonNode system = MonitorHttp.json(server, "/accstatz?unused=1").get("account_statz").get(1);
            assertThat(system.get("acc").asText()).isEqualTo("$SYS");
            assertThat(metrics.value("gnatsd_subsz_num_subscriptions"))
                    .isEqualTo(2 + SubszIT.GLOBAL_IMPORT_SUBSCRIPTIONS + system.get("num_subscriptions").asDouble());

            String[] account = {"server_id", id, "account", "$G", "account_id", "$G", "account_name", ""};
            assertThat(metrics.value("gnatsd_accstatz_current_connections", account))
                    .isEqualTo(accstatz.get("conns").asDouble()).isEqualTo(2);
            assertThat(metrics.value("gnatsd_accstatz_subscriptions", account))
                    .isEqualTo(2 + SubszIT.GLOBAL_IMPORT_SUBSCRIPTIONS);
            assertThat(metrics.value("gnatsd_accstatz_received_messages", account))
                    .isEqualTo(accstatz.get("received").get("msgs").asDouble()).isEqualTo(4);
            assertThat(metrics.value("gnatsd_accstatz_sent_bytes", account))
                    .isEqualTo(accstatz.get("sent").get("bytes").asDouble()).isEqualTo(400);
            assertThat(metrics.value("gnatsd_accstatz_slow_consumers", account)).isZero();
        }
    }

    @Test
    void everyFamilyHasHelpAndTypeAndTheAnswerIsLabelledAsTextFormat() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                Connection client = Clients.jnats(server, "one")) {
            HttpResponse<String> response = MonitorHttp.get(server, "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(CONTENT_TYPE);
            Exposition metrics = PrometheusTextParser.parse(response.body());
            assertThat(metrics.families()).hasSizeGreaterThan(50);
            for (MetricFamily family : metrics.families()) {
                assertThat(family.typeDeclared()).as("TYPE of %s", family.name()).isTrue();
                assertThat(family.help()).as("HELP of %s", family.name()).isNotBlank();
                // The exporter's names; MQTT, which the exporter does not know, under Natrium's own prefix.
                assertThat(family.name()).matches("(gnatsd_|natrium_mqtt_).*");
            }
            assertThat(metrics.families()).extracting(MetricFamily::name)
                    .contains("gnatsd_varz_connections", "gnatsd_connz_pending_bytes", "gnatsd_subsz_num_cache",
                            "gnatsd_accstatz_current_connections", "gnatsd_varz_slow_consumers");
            assertThat(MonitorHttp.get(server, "/metrics?callback=cb").body())
                    .as("no JSONP for text").startsWith("# HELP ");
        }
    }

    @Test
    void isServedUnderTheBasePath() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startAsGiven(ServerSettings.builder().port(-1)
                .monitoring(monitoring -> monitoring.withHttpPort(-1).withBasePath("/mon")))) {
            Exposition metrics = scrape(server, "/mon/metrics");

            assertThat(metrics.value("gnatsd_varz_connections")).isZero();
            assertThat(MonitorHttp.get(server, "/metrics").statusCode()).isEqualTo(404);
        }
    }

    /** Prometheus's own checker, where it is installed, finds nothing but naming advice. */
    @Test
    void promtoolParsesIt() throws Exception {
        Path promtool = ExternalTools.promtool();
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient client = Clients.raw(server, AWKWARD_NAME_JSON)) {
            String body = MonitorHttp.get(server, "/metrics").body();
            Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true)
                    .start();
            check.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            check.getOutputStream().close();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(output).doesNotContainIgnoringCase("error");
            // Counters keep the exporter's names, which lack the _total suffix the linter asks for.
            for (String line : output.split("\n")) {
                if (!line.isBlank()) {
                    assertThat(line).matches(".*(should have \"_total\" suffix|should not have \"_total\" suffix)");
                }
            }
        }
    }

    private static Exposition scrape(EmbeddedServer server, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = MonitorHttp.get(server, path);
        assertThat(response.statusCode()).as("status of %s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(CONTENT_TYPE);
        return PrometheusTextParser.parse(response.body());
    }

    private static boolean sameSublistStatistics(JsonNode before, JsonNode after) {
        for (String field : new String[] {"num_subscriptions", "num_cache", "num_inserts", "num_removes",
            "num_matches", "max_fanout", "avg_fanout"}) {
            if (!before.get(field).equals(after.get(field))) {
                return false;
            }
        }
        return true;
    }
}
