package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;
import io.nats.client.Connection;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The closed-connection ring behind /connz?state=closed: what a closed connection shows, and the reason strings of
 * nats-server for each way a connection can end today.
 */
class ClosedConnectionsIT {

    /** One way to end a connection: the settings it needs and what the client does. */
    private interface Ending {
        void end(EmbeddedServer server) throws Exception;
    }

    static Stream<Arguments> endings() {
        return Stream.of(
                ending("Client Closed", settings -> settings, server -> Clients.raw(server, "closing").close()),
                ending("Read Error", settings -> settings, server -> Clients.raw(server, "crashing").abort()),
                ending("Authentication Failure", settings -> settings,
                        server -> sendAndAwaitClose(server, "CONNECT {\"account\":\"A\"}\r\n")),
                ending("Bad Client Protocol Version", settings -> settings,
                        server -> sendAndAwaitClose(server, "CONNECT {\"protocol\":2}\r\n")),
                ending("No Responders Requires Headers", settings -> settings,
                        server -> sendAndAwaitClose(server, "CONNECT {\"no_responders\":true}\r\n")),
                ending("Maximum Message Payload Exceeded", settings -> settings,
                        server -> sendAndAwaitClose(server, "CONNECT {}\r\nPUB foo 2000000\r\n")),
                ending("Maximum Control Line Exceeded", settings -> settings,
                        server -> sendAndAwaitClose(server, "CONNECT {}\r\nSUB " + "x".repeat(5000) + " 1\r\n")),
                ending("Protocol Violation", settings -> settings,
                        server -> sendAndAwaitClose(server, "CONNECT {}\r\nFOO\r\n")),
                ending("Parse Error", settings -> settings,
                        server -> sendAndAwaitClose(server, "CONNECT {}\r\n-ERR 'bye'\r\n")),
                ending("Maximum Connections Exceeded", settings -> settings.maxConnections(1), server -> {
                    try (RawClient first = Clients.raw(server, "first")) {
                        sendAndAwaitClose(server, "");
                    }
                }),
                ending("Stale Connection",
                        settings -> settings.pingInterval(Duration.ofMillis(100)).maxPingsOut(1),
                        server -> {
                            try (RawClient silent = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
                                silent.send("CONNECT {}\r\n");
                                silent.readUntilClosed();
                            }
                        }),
                ending("Slow Consumer (Pending Bytes)", settings -> settings.maxPending(256 * 1024),
                        server -> overwhelm(server)),
                ending("Slow Consumer (Write Deadline)", settings -> settings.writeDeadline(Duration.ofMillis(200)),
                        server -> overwhelm(server)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void eachWayOfEndingHasNatsServersReason(String reason, UnaryOperator<ServerSettings.Builder> settings,
            Ending ending) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(settings.apply(ServerSettings.builder()))) {
            ending.end(server);

            JsonNode closed = MonitorHttp.awaitJson(server, "/connz?state=closed",
                    json -> reasons(json).contains(reason));

            assertThat(reasons(closed)).as("every connection closed here").allSatisfy(
                    any -> assertThat(any).isIn(reason, "Client Closed"));
        }
    }

    @Test
    void aClosedConnectionKeepsItsFiguresStopAndSubscriptions() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                Connection publisher = Clients.jnats(server, "publisher")) {
            Connection leaving = Clients.jnats(server, "leaving");
            leaving.subscribe("news.>");
            leaving.subscribe("jobs", "workers");
            leaving.flush(Clients.TIMEOUT);
            Clients.publish(publisher, "news.today", 2, 8);
            Clients.publish(leaving, "elsewhere", 1, 3);
            leaving.flush(Clients.TIMEOUT);
            Instant beforeClose = Instant.now();
            leaving.close();

            JsonNode connz = MonitorHttp.awaitJson(server, "/connz?state=closed&subs=detail",
                    json -> json.get("total").asInt() == 1);
            JsonNode closed = connz.get("connections").get(0);

            assertThat(closed.get("cid").asLong()).isEqualTo(5); // after nats-server's 3 internal clients
            assertThat(closed.get("name").asText()).isEqualTo("leaving");
            assertThat(closed.get("reason").asText()).isEqualTo("Client Closed");
            Instant stop = Instant.parse(closed.get("stop").asText());
            assertThat(stop).isAfterOrEqualTo(beforeClose.minusMillis(1)).isBeforeOrEqualTo(Instant.now());
            assertThat(Instant.parse(closed.get("start").asText())).isBefore(stop);
            assertThat(closed.get("uptime").asText()).matches("\\d+s");
            assertThat(closed.get("out_msgs").asLong()).isEqualTo(2);
            assertThat(closed.get("out_bytes").asLong()).isEqualTo(16);
            assertThat(closed.get("in_msgs").asLong()).isEqualTo(1);
            assertThat(closed.get("in_bytes").asLong()).isEqualTo(3);
            assertThat(closed.get("subscriptions").asInt()).isEqualTo(2);
            List<String> details = new ArrayList<>();
            closed.get("subscriptions_list_detail").forEach(detail -> details.add(detail.toString()));
            assertThat(details).as("with their account, as nats-server keeps them").containsExactlyInAnyOrder(
                    "{\"account\":\"$G\",\"subject\":\"news.>\",\"sid\":\"1\",\"msgs\":2,\"cid\":5}",
                    "{\"account\":\"$G\",\"subject\":\"jobs\",\"qgroup\":\"workers\",\"sid\":\"2\",\"msgs\":0,"
                            + "\"cid\":5}");
            JsonNode subjects = MonitorHttp.json(server, "/connz?state=closed&subs=1").get("connections").get(0);
            assertThat(subjects.get("subscriptions_list")).hasSize(2);
            assertThat(MonitorHttp.json(server, "/connz").get("total").asInt()).isEqualTo(1);
        }
    }

    @Test
    void slowConsumersAreCountedInVarz() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(
                ServerSettings.builder().maxPending(256 * 1024))) {
            overwhelm(server);

            JsonNode varz = MonitorHttp.awaitJson(server, "/varz", json -> json.get("slow_consumers").asLong() == 1);

            assertThat(varz.get("slow_consumer_stats").get("clients").asLong()).isEqualTo(1);
            assertThat(varz.get("stale_connections").asLong()).isZero();
        }
    }

    @Test
    void staleConnectionsAreCountedInVarz() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(
                ServerSettings.builder().pingInterval(Duration.ofMillis(100)).maxPingsOut(1))) {
            try (RawClient silent = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
                silent.send("CONNECT {}\r\n");
                silent.readUntilClosed();
            }

            JsonNode varz = MonitorHttp.awaitJson(server, "/varz",
                    json -> json.get("stale_connections").asLong() == 1);

            assertThat(varz.get("stale_connection_stats").get("clients").asLong()).isEqualTo(1);
            assertThat(varz.get("slow_consumers").asLong()).isZero();
        }
    }

    private static Arguments ending(String reason, UnaryOperator<ServerSettings.Builder> settings, Ending ending) {
        return Arguments.of(reason, settings, ending);
    }

    private static List<String> reasons(JsonNode connz) {
        List<String> reasons = new ArrayList<>();
        connz.get("connections").forEach(connection -> reasons.add(connection.get("reason").asText()));
        return reasons;
    }

    /** A client that sends {@code text} (after its INFO) and is closed by the server. */
    private static void sendAndAwaitClose(EmbeddedServer server, String text) throws Exception {
        try (RawClient client = RawClient.connect("127.0.0.1", server.port())) {
            client.send(text);
            client.readUntilClosed();
        }
    }

    /** A subscriber that stops reading while a publisher sends it far more than it can take. */
    private static void overwhelm(EmbeddedServer server) throws Exception {
        try (RawClient subscriber = RawClient.connect("127.0.0.1", server.port(), 8 * 1024);
                RawClient publisher = Clients.raw(server, "publisher")) {
            subscriber.expectPattern(RawClient.INFO);
            Clients.roundTrip(subscriber, "CONNECT {\"verbose\":false}\r\nSUB flood 1\r\n");
            String message = "PUB flood 65536\r\n" + "f".repeat(65536) + "\r\n";
            for (int i = 0; i < 160 && !subscriber.isClosedByServer(); i++) {
                Clients.roundTrip(publisher, message);
            }
            MonitorHttp.awaitJson(server, "/connz?state=closed", json -> json.get("total").asInt() >= 1);
        }
    }
}
