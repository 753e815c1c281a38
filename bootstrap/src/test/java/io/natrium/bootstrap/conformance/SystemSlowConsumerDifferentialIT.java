package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A system user subscribes to {@code $SYS.>} and stops reading while another floods the system account with
 * requests whose large answers it also receives. On nats-server 2.9.10 and on Natrium the system client's
 * deliveries fill its pending data as any publisher's would, and it is cut as a slow consumer; the server keeps
 * answering, and the other clients (the flooding system user, a client of account A) carry on.
 */
class SystemSlowConsumerDifferentialIT {

    private static final String CONFIG = """
            max_pending: 262144
            max_payload: 65536
            accounts {
              $SYS { users [ {user: sys, password: sys}, {user: slow, password: slow} ] }
              A { users [ {user: a, password: a} ] }
            }
            """;
    /** Each answer lists the system client's 40-odd subscriptions: about 10 KB, well past the socket buffers. */
    private static final String FLOOD = "PUB $SYS.REQ.SERVER.PING.SUBSZ $SYS.flood 35\r\n"
            + "{\"subscriptions\":true,\"limit\":1024}\r\n";
    private static final int REQUESTS = 2_000;
    private static final Pattern REPLY = Pattern.compile("MSG _INBOX\\.check 7 {1,2}(\\d+)\r\n");
    private static final Pattern PONG = Pattern.compile("PONG\r\n");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServerPair servers;

    @BeforeAll
    static void startServers() throws Exception {
        Path config = Files.createTempFile("natrium-sys-slow-", ".conf");
        Files.writeString(config, CONFIG);
        servers = ServerPair.start(List.of("-c", config.toString()));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aSlowSystemSubscriberIsCutAndNothingElseIs() throws Exception {
        List<String> reasons = new ArrayList<>();
        for (ServerProcess server : servers.both()) {
            reasons.add(cutSlowSubscriber(server));
        }

        // Which of the two limits trips first is scheduling on both servers: the pending data passing max_pending,
        // or a flush stalled past the write deadline while the system account's answers trickle in (CI met
        // nats-server closing it for its write deadline while Natrium's pending bytes had run over).
        assertThat(reasons).as("nats-server's reason, then Natrium's").allSatisfy(reason -> assertThat(reason)
                .isIn("Slow Consumer (Pending Bytes)", "Slow Consumer (Write Deadline)"));
    }

    /** Plays the flood on one server and returns the reason the slow subscriber was closed for. */
    private static String cutSlowSubscriber(ServerProcess server) throws Exception {
        try (RawClient slow = RawClient.connect("127.0.0.1", server.port(), 4096);
                RawClient sys = login(server, "sys");
                RawClient a = login(server, "a")) {
            slow.expectPattern(RawClient.INFO);
            // Events of the other two logins may still be on their way when $SYS.> is subscribed: both servers
            // publish them from a queue of their own, so they can come before the PONG.
            slow.send("CONNECT {\"verbose\":false,\"user\":\"slow\",\"pass\":\"slow\"}\r\nSUB $SYS.> 1\r\nPING\r\n")
                    .drainThrough(PONG, Duration.ofSeconds(30));
            sys.send("SUB _INBOX.check 7\r\n");
            // The flood can outlast the server's first PING (its round-trip probe, 2 s after CONNECT), which then
            // arrives before the PONG: both servers send it.
            sys.send(FLOOD.repeat(REQUESTS) + "PING\r\n").drainThrough(PONG, Duration.ofSeconds(60));

            String reason = awaitClosedReason(sys, "slow");
            assertThat(reason).as(server + ": the slow subscriber closed").isNotEmpty();
            // The server closes it (readUntilClosed fails otherwise). What reached it first is scheduling: nats-server's
            // writer goroutine writes some of it; Natrium may cut it with nothing written when it shares an event loop
            // with the flooding client, whose read batch delays its flush while the system thread piles up replies.
            slow.readUntilClosed();

            JsonNode varz = ask(sys, "$SYS.REQ.SERVER.PING.VARZ", "");
            assertThat(varz.path("data").path("slow_consumers").asLong()).as(server + " slow consumers").isOne();
            a.send("SUB foo 1\r\nPUB foo 2\r\nhi\r\nPING\r\n");
            assertThat(a.drainThrough(PONG, Duration.ofSeconds(10)))
                    .as(server + ": A's client still served").contains("MSG foo 1 2\r\nhi\r\n");
            JsonNode connz = ask(sys, "$SYS.REQ.SERVER.PING.CONNZ", "{\"auth\":true}");
            assertThat(connz.path("data").path("num_connections").asInt())
                    .as(server + ": the flooding system user and A's client are still connected").isEqualTo(2);
            return reason;
        }
    }

    /** Polls the closed connections until {@code user}'s shows, for up to 60 s; its reason, or "" if it never does. */
    private static String awaitClosedReason(RawClient sys, String user) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode closed = ask(sys, "$SYS.REQ.SERVER.PING.CONNZ", "{\"state\":1,\"auth\":true}");
            for (JsonNode connection : closed.path("data").path("connections")) {
                if (connection.path("authorized_user").asText().equals(user)) {
                    return connection.path("reason").asText();
                }
            }
            Thread.sleep(100);
        }
        return "";
    }

    /**
     * One request of the system user, whose answer is read past whatever else arrives first. It waits behind the
     * flood's requests, answered one after the other: seconds on a loaded machine.
     */
    private static JsonNode ask(RawClient sys, String subject, String body) throws Exception {
        sys.send("PUB " + subject + " _INBOX.check " + body.length() + "\r\n" + body + "\r\n");
        String received = sys.drainThrough(Pattern.compile("MSG _INBOX\\.check 7 {1,2}\\d+\r\n[^\r\n]*\r\n"),
                Duration.ofSeconds(30));
        Matcher reply = REPLY.matcher(received);
        assertThat(reply.find()).isTrue();
        int start = reply.end();
        return JSON.readTree(received.substring(start, start + Integer.parseInt(reply.group(1))));
    }

    private static RawClient login(ServerProcess server, String user) throws Exception {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port());
        client.send("CONNECT {\"verbose\":false,\"user\":\"" + user + "\",\"pass\":\"" + user + "\"}\r\nPING\r\n")
                .expect("PONG\r\n");
        return client;
    }
}
