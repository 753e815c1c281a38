package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each of /connz's 14 sort keys, on connections whose figures differ so that every key gives its own order. Three
 * raw clients (cids 1, 2, 3) wait different times before CONNECT (their round-trip time as nats-server first
 * estimates it), hold different numbers of subscriptions, and publish to each other in an order that makes the
 * last activity differ from the connection order.
 */
class ConnzSortIT {

    private static EmbeddedServer server;
    private static RawClient first;
    private static RawClient second;
    private static RawClient third;

    @BeforeAll
    static void threeConnectionsThatDifferInEveryFigure() throws Exception {
        try (EmbeddedServer warmUp = EmbeddedServer.startWithMonitoring();
                RawClient client = Clients.raw(warmUp, "warm-up")) {
            // The first connection a JVM serves is slower to reach CONNECT; keep that out of the estimates below.
            MonitorHttp.json(warmUp, "/connz");
        }
        server = EmbeddedServer.startWithMonitoring();
        // A deliberate delay before CONNECT is what the round-trip estimate measures: nothing to await here.
        first = connectAfter(Duration.ofMillis(250), "first");
        second = connectAfter(Duration.ofMillis(500), "second");
        third = connectAfter(Duration.ZERO, "third");
        Clients.roundTrip(first, "SUB to.first 1\r\n");
        Clients.roundTrip(second, "SUB to.second 1\r\nSUB b 2\r\nSUB c 3\r\n");
        Clients.roundTrip(third, "SUB to.third 1\r\nSUB d 2\r\n");
        // second: 1 message of 50 bytes to third; third: 2 of 10 to first; first: 3 of 1 to second, last.
        Clients.roundTrip(second, "PUB to.third 50\r\n" + "x".repeat(50) + "\r\n");
        third.expect("MSG to.third 1 50\r\n" + "x".repeat(50) + "\r\n");
        Clients.roundTrip(third, "PUB to.first 10\r\n0123456789\r\nPUB to.first 10\r\n0123456789\r\n");
        first.expect("MSG to.first 1 10\r\n0123456789\r\nMSG to.first 1 10\r\n0123456789\r\n");
        Clients.roundTrip(first, "PUB to.second 1\r\na\r\nPUB to.second 1\r\nb\r\nPUB to.second 1\r\nc\r\n");
        second.expect("MSG to.second 1 1\r\na\r\nMSG to.second 1 1\r\nb\r\nMSG to.second 1 1\r\nc\r\n");
        // A delivery is activity of publisher and subscriber alike; one more SUB makes second the latest alone.
        Clients.roundTrip(second, "SUB e 4\r\n");
    }

    @AfterAll
    static void stop() throws Exception {
        for (RawClient client : new RawClient[] {first, second, third}) {
            if (client != null) {
                client.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "sort={0} -> {1}")
    @CsvSource({
        "cid, 1 2 3",
        "start, 1 2 3",
        "subs, 2 3 1",
        "msgs_to, 2 1 3",
        "msgs_from, 1 3 2",
        "bytes_to, 3 1 2",
        "bytes_from, 2 3 1",
        "last, 2 1 3",
        "idle, 3 1 2",
        "uptime, 3 2 1",
        "rtt, 2 1 3"})
    void sortsOpenConnectionsAsNatsServerDoes(String sort, String expected) throws Exception {
        JsonNode connz = MonitorHttp.json(server, "/connz?sort=" + sort);

        assertThat(ConnzIT.cids(connz)).containsExactlyElementsOf(cids(expected));
    }

    @Test
    void theFiguresBehindTheOrdersAreThoseOfTheTraffic() throws Exception {
        JsonNode connections = MonitorHttp.json(server, "/connz").get("connections");

        assertThat(figures(connections, "subscriptions")).containsExactly(1L, 4L, 2L);
        assertThat(figures(connections, "in_msgs")).containsExactly(3L, 1L, 2L);
        assertThat(figures(connections, "in_bytes")).containsExactly(3L, 50L, 20L);
        assertThat(figures(connections, "out_msgs")).containsExactly(2L, 3L, 1L);
        assertThat(figures(connections, "out_bytes")).containsExactly(20L, 3L, 50L);
    }

    @Test
    void pendingPutsTheConnectionWithMostUnsentBytesFirst() throws Exception {
        ServerSettings.Builder roomy = ServerSettings.builder().writeDeadline(Duration.ofMinutes(1));
        try (EmbeddedServer backlogged = EmbeddedServer.startWithMonitoring(roomy);
                RawClient idle = Clients.raw(backlogged, "idle");
                RawClient some = stalledSubscriber(backlogged, "some");
                RawClient most = stalledSubscriber(backlogged, "most");
                RawClient publisher = Clients.raw(backlogged, "publisher")) {
            String payload = "p".repeat(64 * 1024);
            // 8 MB to one and 16 MB to the other: more than the socket buffers (at most 4 MB on the server's side
            // here) can hold, so the rest stays pending in the server.
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                batch.append("PUB some 65536\r\n").append(payload).append("\r\n");
                batch.append("PUB most 65536\r\n").append(payload).append("\r\n");
                batch.append("PUB most 65536\r\n").append(payload).append("\r\n");
            }
            for (int i = 0; i < 8; i++) {
                Clients.roundTrip(publisher, batch.toString());
            }

            JsonNode connz = MonitorHttp.json(backlogged, "/connz?sort=pending");

            assertThat(ConnzIT.cids(connz)).startsWith(cid(3), cid(2));
            JsonNode connections = connz.get("connections");
            assertThat(connections.get(0).get("pending_bytes").asLong())
                    .isGreaterThan(connections.get(1).get("pending_bytes").asLong());
            assertThat(connections.get(1).get("pending_bytes").asLong()).isPositive();
            assertThat(figures(connections, "pending_bytes").subList(2, 4)).containsOnly(0L);
            assertThat(idle.isClosedByServer()).isFalse();
        }
    }

    @Test
    void stopAndReasonSortClosedConnections() throws Exception {
        try (EmbeddedServer closing = EmbeddedServer.startWithMonitoring()) {
            RawClient clean = Clients.raw(closing, "clean");
            RawClient badProtocol = RawClient.connectAndReadInfo("127.0.0.1", closing.port());
            RawClient tooBig = Clients.raw(closing, "too-big");
            // Closed in the order 2, 3, 1, each once the previous one is in the closed list.
            badProtocol.send("CONNECT {\"protocol\":2}\r\n");
            awaitClosed(closing, 1);
            tooBig.send("PUB foo 99999999\r\n");
            awaitClosed(closing, 2);
            clean.close();
            awaitClosed(closing, 3);

            assertThat(ConnzIT.cids(MonitorHttp.json(closing, "/connz?state=closed&sort=stop")))
                    .containsExactly(cid(1), cid(3), cid(2));
            JsonNode byReason = MonitorHttp.json(closing, "/connz?state=closed&sort=reason");
            assertThat(ConnzIT.cids(byReason)).containsExactly(cid(2), cid(1), cid(3));
            List<String> reasons = new java.util.ArrayList<>();
            byReason.get("connections").forEach(connection -> reasons.add(connection.get("reason").asText()));
            assertThat(reasons).containsExactly("Bad Client Protocol Version", "Client Closed",
                    "Maximum Message Payload Exceeded");
            badProtocol.close();
            tooBig.close();
        }
    }

    private static RawClient connectAfter(Duration delay, String name) throws Exception {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port());
        Thread.sleep(delay.toMillis());
        return Clients.roundTrip(client, String.format(Clients.QUIET_CONNECT, name));
    }

    /** A subscriber on a small socket buffer that stops reading once subscribed. */
    private static RawClient stalledSubscriber(EmbeddedServer server, String subject) throws Exception {
        RawClient client = RawClient.connect("127.0.0.1", server.port(), 8 * 1024);
        client.expectPattern(RawClient.INFO);
        return Clients.roundTrip(client, String.format(Clients.QUIET_CONNECT, subject) + "SUB " + subject + " 1\r\n");
    }

    private static void awaitClosed(EmbeddedServer server, int count) throws Exception {
        MonitorHttp.awaitJson(server, "/connz?state=closed", json -> json.get("total").asInt() == count);
    }

    /** The cids of the clients at {@code positions} (1 = the first client connected). */
    private static List<Long> cids(String positions) {
        return java.util.Arrays.stream(positions.split(" ")).map(position -> cid(Long.parseLong(position))).toList();
    }

    /**
     * The cid of the client connected in {@code position}: a server without accounts numbers three internal clients
     * first (the system client, the global account's, the system send queue's), as nats-server 2.9.10 does.
     */
    private static long cid(long position) {
        return position + 3;
    }

    private static List<Long> figures(JsonNode connections, String field) {
        List<Long> values = new java.util.ArrayList<>();
        connections.forEach(connection -> values.add(connection.get(field).asLong()));
        return values;
    }
}
