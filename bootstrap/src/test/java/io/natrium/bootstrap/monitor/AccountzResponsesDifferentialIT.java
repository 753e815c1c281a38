package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /accountz {@code responses}, compared with the Debian nats-server 2.9.10: the requests an exporting account serves
 * for an importer and has not answered yet, each as the response service import nats-server makes for it (from the
 * reply subject the responder sees to the requester's, in the requesting account, with the import's {@code share}).
 * A request that reached nobody waits for nothing, and an answered one is gone. A request measured because of its
 * tracing headers (jnats clients, an export sampling latency by {@code headers}) shows them as
 * {@code tracking_header} while it waits, and its latency report carries them as {@code header}.
 */
class AccountzResponsesDifferentialIT {

    private static final String CONFIG = """
            accounts {
              A {
                users [ {user: a, password: a} ]
                exports [
                  {service: "help"}, {service: "nobody"}
                  {service: "traced", latency: {sampling: headers, subject: "latency.traced"}}
                ]
              }
              B {
                users [ {user: b, password: b} ]
                imports [
                  {service: {account: A, subject: "help"}, share: true}
                  {service: {account: A, subject: "nobody"}}
                  {service: {account: A, subject: "traced"}}
                ]
              }
            }
            """;

    private static final Pattern REQUEST = Pattern.compile("MSG help 1 (_R_\\.\\S+) 1\r\n\\?\r\n");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TRACE_ID = "80f198ee56343ba864fe8b2a57d3eff7";

    private static ConfiguredPair servers;
    private static final List<Observed> OBSERVED = new ArrayList<>();
    private static final List<Observed> TRACED = new ArrayList<>();

    /**
     * What one server showed: the reply subject its responder saw, /accountz's (or the response's entry) before the
     * answer, and /accountz (or the latency report) after it.
     */
    private record Observed(String mappedReply, JsonNode waiting, JsonNode answered) {
    }

    @BeforeAll
    static void startBothServersAndLeaveARequestUnanswered() throws Exception {
        servers = ConfiguredPair.start(CONFIG);
        OBSERVED.add(observe(servers.natsServerPort(), servers.natsServerMonitor()));
        OBSERVED.add(observe(servers.natriumPort(), servers.natriumMonitor()));
        TRACED.add(observeTraced(servers.natsServerPort(), servers.natsServerMonitor()));
        TRACED.add(observeTraced(servers.natriumPort(), servers.natriumMonitor()));
    }

    @AfterAll
    static void stopBothServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    private static Observed observe(int port, String monitor) throws Exception {
        RawClient service = servers.client(port, "a", "service", "SUB help 1\r\n").expect("PONG\r\n");
        RawClient requester = servers.client(port, "b", "requester",
                "SUB inbox.> 1\r\nPUB nobody inbox.2 1\r\n!\r\nPUB help inbox.1 1\r\n?\r\n").expect("PONG\r\n");
        Matcher request = service.expectPattern(REQUEST);
        JsonNode waiting = accountz(monitor);
        // nats-server may PING a new client first: the PONG is read through whatever comes before it.
        service.send("PUB " + request.group(1) + " 6\r\nanswer\r\nPING\r\n")
                .drainThrough(Pattern.compile("PONG\r\n"), Duration.ofSeconds(10));
        assertThat(requester.drainThrough(Pattern.compile("answer\r\n"), Duration.ofSeconds(10)))
                .endsWith("MSG inbox.1 1 6\r\nanswer\r\n");
        return new Observed(request.group(1), waiting, accountz(monitor));
    }

    private static Observed observeTraced(int port, String monitor) throws Exception {
        try (Connection service = connect(port, "a"); Connection requester = connect(port, "b")) {
            Subscription requests = service.subscribe("traced");
            Subscription reports = service.subscribe("latency.traced");
            service.flush(WAIT);
            Subscription replies = requester.subscribe("inbox.traced");
            requester.flush(WAIT);
            // jnats sends the names as written; nats-server keys them the canonical MIME way.
            Headers headers = new Headers().add("X-B3-Sampled", "1").add("X-B3-TraceId", TRACE_ID)
                    .add("Unrelated", "kept out");
            requester.publish(NatsMessage.builder().subject("traced").replyTo("inbox.traced").headers(headers)
                    .data("?", StandardCharsets.UTF_8).build());
            requester.flush(WAIT);
            Message request = requests.nextMessage(WAIT);
            assertThat(request).as("the request reached the service").isNotNull();
            JsonNode waiting = accountz(monitor).get("responses").get(request.getReplyTo());
            service.publish(request.getReplyTo(), "answer".getBytes(StandardCharsets.UTF_8));
            assertThat(replies.nextMessage(WAIT)).as("the answer reached the requester").isNotNull();
            Message report = reports.nextMessage(WAIT);
            assertThat(report).as("the latency report").isNotNull();
            return new Observed(request.getReplyTo(), waiting,
                    MonitorHttp.parse(new String(report.getData(), StandardCharsets.UTF_8)));
        }
    }

    private static Connection connect(int port, String user) throws IOException, InterruptedException {
        return Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + port).userInfo(user, user)
                .connectionTimeout(WAIT).build());
    }

    private static JsonNode accountz(String monitor) throws IOException, InterruptedException {
        return MonitorHttp.parse(MonitorHttp.get(monitor + "/accountz?acc=A").body()).get("account_detail");
    }

    @Test
    void anUnansweredRequestIsListedAsNatsServerListsIt() {
        Observed theirs = OBSERVED.get(0);
        Observed ours = OBSERVED.get(1);

        assertThat(theirs.waiting().get("responses").size()).as("nats-server's").isEqualTo(1);
        assertThat(ours.waiting().get("responses").size()).isEqualTo(1);
        JsonNode their = theirs.waiting().get("responses").get(theirs.mappedReply());
        JsonNode our = ours.waiting().get("responses").get(ours.mappedReply());
        assertThat(their).as("nats-server's entry under the reply its responder saw").isNotNull();
        assertThat(our).as("the entry under the reply the responder saw").isNotNull();
        assertThat(our.get("account").asText()).isEqualTo("B");
        assertThat(our.get("to").asText()).isEqualTo("inbox.1");
        assertThat(our.toString().replace(ours.mappedReply(), "R"))
                .isEqualTo(their.toString().replace(theirs.mappedReply(), "R"));
    }

    @Test
    void anAnsweredRequestIsNoLongerListed() {
        for (Observed observed : OBSERVED) {
            assertThat(observed.answered().has("responses")).isFalse();
        }
    }

    @Test
    void aResponseMeasuredByItsHeadersShowsThemAsNatsServerDoes() {
        Observed theirs = TRACED.get(0);
        Observed ours = TRACED.get(1);

        assertThat(theirs.waiting()).as("nats-server's waiting response").isNotNull();
        assertThat(theirs.waiting().get("tracking_header").toString()).as("nats-server's")
                .isEqualTo("{\"X-B3-Sampled\":[\"1\"],\"X-B3-Traceid\":[\"" + TRACE_ID + "\"]}");
        assertThat(ours.waiting()).as("the waiting response").isNotNull();
        assertThat(ours.waiting().toString().replace(ours.mappedReply(), "R"))
                .isEqualTo(theirs.waiting().toString().replace(theirs.mappedReply(), "R"));
    }

    @Test
    void itsLatencyReportCarriesTheSameHeaders() {
        JsonNode their = TRACED.get(0).answered().get("header");
        assertThat(their).as("nats-server's report header").isNotNull();
        assertThat(TRACED.get(1).answered().get("header")).isEqualTo(their);
    }
}
