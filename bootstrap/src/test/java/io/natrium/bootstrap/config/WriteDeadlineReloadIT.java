package io.natrium.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A {@code write_deadline} reload reaches the connections: one that was already blocked under the old deadline, and
 * one made after the reload. The old deadline (a minute) is far longer than the test waits, so only the new one
 * (a second) can close them as slow consumers.
 */
class WriteDeadlineReloadIT {

    private static final String SLOW = "Slow Consumer (Write Deadline)";
    /** 64 KiB messages, 16 MiB in all: far more than a non-reading client's socket buffers and the 1 MiB the
     * server lets queue before it counts the socket as blocked. */
    private static final String FLOOD = ("PUB data 65536\r\n" + "f".repeat(65536) + "\r\n").repeat(16);
    private static final int FLOOD_ROUNDS = 16;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern KEEP_ALIVE_THEN_PONG = Pattern.compile("\\A(?:PING\r\n)?PONG\r\n");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theNewDeadlineAppliesToConnectionsOpenBeforeTheReloadAndAfterIt() throws Exception {
        int monitorPort = ServerProcess.freePort();
        String monitor = "http: \"127.0.0.1:" + monitorPort + "\"\n";
        try (ConfiguredServer server = ConfiguredServer.start("write_deadline: \"60s\"\n" + monitor);
                RawClient publisher = client(server, "publisher", 0);
                RawClient early = stalledSubscriber(server, "early")) {
            flood(publisher);

            ReloadResult reload = server.reload("write_deadline: \"1s\"\n" + monitor);
            assertThat(reload).isInstanceOf(ReloadResult.Reloaded.class);

            awaitClosed(monitorPort, "early", publisher);
            try (RawClient late = stalledSubscriber(server, "late")) {
                flood(publisher);
                awaitClosed(monitorPort, "late", publisher);
            }
            roundTrip(publisher);
        }
    }

    private static RawClient client(ConfiguredServer server, String name, int receiveBuffer) throws IOException {
        RawClient client = RawClient.connect("127.0.0.1", server.port(), receiveBuffer);
        client.expectPattern(RawClient.INFO);
        client.send("CONNECT {\"verbose\":false,\"name\":\"" + name + "\"}\r\n");
        return roundTrip(client);
    }

    /** Subscribes to what the publisher floods, then never reads again. */
    private static RawClient stalledSubscriber(ConfiguredServer server, String name) throws IOException {
        RawClient subscriber = client(server, name, 4096);
        subscriber.send("SUB data 1\r\n");
        return roundTrip(subscriber);
    }

    private static void flood(RawClient publisher) throws IOException {
        for (int i = 0; i < FLOOD_ROUNDS; i++) {
            publisher.send(FLOOD);
        }
        roundTrip(publisher);
    }

    /** PING, then the PONG, past the keep-alive PING the server sends two seconds into a connection. */
    private static RawClient roundTrip(RawClient client) throws IOException {
        client.send("PING\r\n").expectPattern(KEEP_ALIVE_THEN_PONG);
        return client;
    }

    /**
     * Waits until the connection named {@code name} is listed as closed for its write deadline; meanwhile the
     * publisher goes on publishing, as a blocked socket is checked when it is written to.
     */
    private void awaitClosed(int monitorPort, String name, RawClient publisher) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode closed = closedConnections(monitorPort);
        while (!closedFor(closed, name, SLOW) && System.nanoTime() < deadline) {
            roundTrip(publisher.send("PUB data 1\r\nx\r\n"));
            Thread.sleep(50);
            closed = closedConnections(monitorPort);
        }
        assertThat(closedFor(closed, name, SLOW)).as("%s closed as a slow consumer within %s; closed: %s", name,
                WAIT, closed).isTrue();
    }

    private JsonNode closedConnections(int monitorPort) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + monitorPort + "/connz?state=closed")).GET().build();
        return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static boolean closedFor(JsonNode connz, String name, String reason) {
        for (JsonNode connection : connz.get("connections")) {
            if (name.equals(connection.path("name").asText()) && reason.equals(connection.path("reason").asText())) {
                return true;
            }
        }
        return false;
    }
}
