package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
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
 * A request that reached nobody waits for nothing, and an answered one is gone.
 */
class AccountzResponsesDifferentialIT {

    private static final String CONFIG = """
            accounts {
              A {
                users [ {user: a, password: a} ]
                exports [ {service: "help"}, {service: "nobody"} ]
              }
              B {
                users [ {user: b, password: b} ]
                imports [
                  {service: {account: A, subject: "help"}, share: true}
                  {service: {account: A, subject: "nobody"}}
                ]
              }
            }
            """;

    private static final Pattern REQUEST = Pattern.compile("MSG help 1 (_R_\\.\\S+) 1\r\n\\?\r\n");

    private static ConfiguredPair servers;
    private static final List<Observed> OBSERVED = new ArrayList<>();

    /** What one server showed: the reply subject its responder saw, /accountz before and after the answer. */
    private record Observed(String mappedReply, JsonNode waiting, JsonNode answered) {
    }

    @BeforeAll
    static void startBothServersAndLeaveARequestUnanswered() throws Exception {
        servers = ConfiguredPair.start(CONFIG);
        OBSERVED.add(observe(servers.natsServerPort(), servers.natsServerMonitor()));
        OBSERVED.add(observe(servers.natriumPort(), servers.natriumMonitor()));
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
}
