package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same situation on the Debian nats-server and on Natrium (a client with subscriptions that has published, and
 * one that has left), then the same monitoring requests: every key nats-server answers with must be in Natrium's
 * answer, with the same JSON type, apart from the exceptions listed (each with its reason, and each checked to be
 * still needed). Natrium may answer with more keys: it follows a newer nats-server than Debian's 2.9.10.
 */
class NatsServerKeySetIT {

    /** Paths (endpoint, then keys) nats-server answers with and Natrium does not, and why. */
    private static final Map<String, String> EXCEPTIONS = Map.of();

    /** Maps whose keys are data, not structure: only their type is compared. */
    private static final Set<String> MAPS = Set.of("/varz.http_req_stats");

    /**
     * The requests compared, in the order both servers receive them. nats-server 2.9.10 keeps the subscription
     * details of a closed connection in its answers once they were asked for (fixed in later versions), so closed
     * connections are asked for in detail last.
     */
    private static final List<String> REQUESTS = List.of("/varz", "/connz?subs=1", "/connz?subs=detail",
            "/connz?state=any&auth=1", "/subsz", "/subsz?subs=1", "/healthz", "/accountz", "/accountz?acc=$G", "/accountz?acc=$SYS",
            "/connz?state=closed&subs=detail", "/varz");

    private static ServerProcess natsServer;
    private static int natsServerMonitorPort;
    private static EmbeddedServer natrium;
    private static final List<RawClient> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void startBothServersInTheSameSituation() throws Exception {
        Path binary = ExternalTools.natsServer();
        natsServerMonitorPort = ServerProcess.freePort();
        natsServer = ServerProcess.start(binary, List.of("-m", Integer.toString(natsServerMonitorPort)),
                Duration.ofSeconds(10));
        natrium = EmbeddedServer.startWithMonitoring();
        createSituation(natsServer.port(), "http://127.0.0.1:" + natsServerMonitorPort);
        createSituation(natrium.port(), natrium.monitorUrl(""));
    }

    @AfterAll
    static void stopBothServers() throws Exception {
        for (RawClient client : CLIENTS) {
            client.close();
        }
        if (natrium != null) {
            natrium.close();
        }
        if (natsServer != null) {
            natsServer.close();
        }
    }

    @Test
    void natriumAnswersWithEveryKeyNatsServerAnswersWithInTheSameType() throws Exception {
        Map<String, JsonNode> reference = new LinkedHashMap<>();
        Map<String, JsonNode> ours = new LinkedHashMap<>();
        for (String request : REQUESTS) {
            String query = request.replace("$", "%24");
            reference.put(request, fetch("http://127.0.0.1:" + natsServerMonitorPort + query));
            ours.put(request, fetch(natrium.monitorUrl(query)));
        }

        new JsonKeySets(EXCEPTIONS, MAPS).assertCovered(reference, ours);
    }

    @Test
    void bothAnswerTheSameValuesWhereTheSituationDeterminesThem() throws Exception {
        JsonNode theirs = fetch("http://127.0.0.1:" + natsServerMonitorPort + "/connz?subs=detail");
        JsonNode ours = fetch(natrium.monitorUrl("/connz?subs=detail"));

        JsonNode their = theirs.get("connections").get(0);
        JsonNode our = ours.get("connections").get(0);
        for (String field : new String[] {"kind", "type", "ip", "in_msgs", "in_bytes", "out_msgs", "out_bytes",
            "subscriptions", "name", "lang", "version", "pending_bytes"}) {
            assertThat(our.get(field)).as(field).isEqualTo(their.get(field));
        }
        assertThat(fetch(natrium.monitorUrl("/healthz"))).isEqualTo(
                fetch("http://127.0.0.1:" + natsServerMonitorPort + "/healthz"));
    }

    /**
     * A client that subscribes (with a queue group and a limit) and publishes; a second one that leaves, and is
     * in the closed list before this returns.
     */
    private static void createSituation(int port, String monitor) throws IOException, InterruptedException {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", port);
        CLIENTS.add(client);
        client.send("CONNECT {\"verbose\":false,\"pedantic\":false,\"name\":\"keys\",\"lang\":\"java\","
                + "\"version\":\"1.0\",\"protocol\":1,\"user\":\"bob\",\"pass\":\"x\"}\r\n"
                + "SUB foo 1\r\nSUB bar workers 2\r\nUNSUB 2 5\r\nPUB foo 5\r\nhello\r\nPING\r\n");
        client.expectPattern(java.util.regex.Pattern.compile("(INFO [^\r]*\r\n)?MSG foo 1 5\r\nhello\r\nPONG\r\n"));
        try (RawClient leaving = RawClient.connectAndReadInfo("127.0.0.1", port)) {
            leaving.send("CONNECT {\"verbose\":false,\"name\":\"leaving\"}\r\nSUB gone 1\r\nPING\r\n")
                    .expect("PONG\r\n");
        }
        fetch(monitor + "/connz?state=closed");
    }

    private static JsonNode fetch(String url) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + MonitorHttp.TIMEOUT.toNanos();
        HttpResponse<String> response = MonitorHttp.get(url);
        // The leaving client is recorded as closed a moment after its socket closes, on either server.
        while (url.contains("state=closed") && !response.body().contains("\"reason\"")
                && System.nanoTime() < deadline) {
            response = MonitorHttp.get(url);
        }
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return MonitorHttp.parse(response.body());
    }
}
