package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Conversation.round;
import static io.natrium.bootstrap.conformance.Conversation.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stream and service imports between accounts, played over raw connections against nats-server and Natrium with
 * the same configuration: the transcripts of both must match once the random parts (the mapped reply subjects and
 * the requester's round-trip time, with the header sizes that depend on it) are masked; the JSON the server writes
 * itself (shared request info, latency reports) is compared field by field.
 */
class ImportsDifferentialIT {

    private static final String CONFIG = """
            accounts {
              E: {
                users: [{user: e, password: e}]
                mappings: {"svc.old": "svc.new"}
                exports: [
                  {service: "svc.>"}
                  {service: "stream.req", response: Stream}
                  {stream: "ticks.>"}
                  {stream: "private.>", accounts: [I]}
                  {stream: "other.>", accounts: [X]}
                  {service: "timed", latency: {sampling: 100%, subject: "lat.timed"}}
                  {service: "shared"}
                  {service: "traced", latency: {sampling: headers, subject: "lat.traced"}}
                  {service: "slow", response_threshold: "1s", latency: {sampling: 100%, subject: "lat.slow"}}
                ]
              }
              I: {
                users: [{user: i, password: i}]
                imports: [
                  {service: {account: E, subject: "svc.>"}, to: "local.>"}
                  {service: {account: E, subject: "stream.req"}}
                  {stream: {account: E, subject: "ticks.>"}, prefix: "feed"}
                  {stream: {account: E, subject: "private.a"}}
                  {service: {account: E, subject: "timed"}}
                  {service: {account: E, subject: "shared"}, share: true}
                  {service: {account: E, subject: "traced"}}
                  {service: {account: E, subject: "slow"}}
                ]
              }
              X: {users: [{user: x, password: x}]}
            }
            """;
    private static final Pattern MAPPED_REPLY = Pattern.compile("_R_\\.[0-9A-Za-z]+\\.[0-9A-Za-z]+(\\.[0-9A-Za-z_-]+\\.T)?");
    private static final Pattern RTT = Pattern.compile("\"rtt\":\\d+");
    private static final Pattern HMSG_SIZES = Pattern.compile("(HMSG [^\r\n]*) \\d+ \\d+\r\n");
    private static final Pattern LATENCY_REPORT =
            Pattern.compile("(\\{\"type\":\"io\\.nats\\.server\\.metric\\.v1\\.service_latency\"[^\r\n]*\\})\r\n");
    private static final Pattern REQUEST_INFO = Pattern.compile("Nats-Request-Info: (\\{[^\r\n]*\\})\r\n");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServerPair servers;

    @BeforeAll
    static void startServers() throws Exception {
        Path config = Files.createTempFile("natrium-imports-", ".conf");
        Files.writeString(config, CONFIG);
        servers = ServerPair.start(List.of("-c", config.toString()));
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void requestsCrossServiceImportsAndSingletonResponsesComeBackOnce() throws Exception {
        servers.assertSameTranscripts(server -> {
            try (RawClient exporter = login(server, "e"); RawClient importer = login(server, "i")) {
                StringBuilder transcript = new StringBuilder();
                transcript.append(round(exporter, "SUB svc.> 1\r\nSUB _R_.> 9\r\n"));
                transcript.append(round(importer, "SUB inbox.> 3\r\nSUB local.> 4\r\n"));
                transcript.append(round(importer, "PUB local.x inbox.1 5\r\nhello\r\nPUB local.y 2\r\nhi\r\n"
                        + "PUB local.old 6\r\nmapped\r\n"));
                String requests = round(exporter, "");
                transcript.append(requests);
                String reply = firstMappedReply(requests);
                transcript.append(round(exporter, "PUB " + reply + " 3\r\nans\r\nPUB " + reply + " 4\r\nans2\r\n"));
                transcript.append(round(importer, ""));
                return transcript.toString();
            }
        }, ImportsDifferentialIT::masked);
    }

    @Test
    void aStreamResponseTypeDeliversEveryResponse() throws Exception {
        servers.assertSameTranscripts(server -> {
            try (RawClient exporter = login(server, "e"); RawClient importer = login(server, "i")) {
                StringBuilder transcript = new StringBuilder();
                transcript.append(round(exporter, "SUB stream.req 1\r\n"));
                transcript.append(round(importer, "SUB inbox.> 3\r\n"));
                transcript.append(round(importer, "PUB stream.req inbox.7 1\r\nq\r\n"));
                String requests = round(exporter, "");
                transcript.append(requests);
                String reply = firstMappedReply(requests);
                transcript.append(round(exporter, "PUB " + reply + " 1\r\na\r\nPUB " + reply + " 1\r\nb\r\n"));
                transcript.append(round(importer, ""));
                return transcript.toString();
            }
        }, ImportsDifferentialIT::masked);
    }

    @Test
    void streamsArriveUnderTheirPrefixAndOnlyWhereImported() throws Exception {
        servers.assertSameTranscripts(server -> {
            try (RawClient exporter = login(server, "e"); RawClient importer = login(server, "i");
                 RawClient stranger = login(server, "x")) {
                StringBuilder transcript = new StringBuilder();
                transcript.append(round(importer, "SUB feed.> 1\r\nSUB private.> 2\r\nSUB ticks.> 3\r\n"));
                transcript.append(round(stranger, "SUB > 1\r\n"));
                transcript.append(round(exporter, "PUB ticks.a r 1\r\nt\r\nPUB private.a 1\r\np\r\n"
                        + "PUB private.b 1\r\nq\r\nPUB other.a 1\r\no\r\nPUB ticks.* 1\r\nw\r\n"));
                transcript.append(round(importer, ""));
                transcript.append(round(stranger, ""));
                return transcript.toString();
            }
        }, ImportsDifferentialIT::masked);
    }

    @Test
    void aRequestWithNobodyServingItGetsNoResponders() throws Exception {
        servers.assertSameTranscripts(server -> {
            try (RawClient importer = login(server, "i")) {
                return round(importer, "CONNECT {\"verbose\":false,\"user\":\"i\",\"pass\":\"i\",\"headers\":true,"
                        + "\"no_responders\":true}\r\nSUB inbox.> 1\r\nPUB local.z inbox.2 1\r\nq\r\n");
            }
        }, ImportsDifferentialIT::masked);
    }

    @Test
    void sharedRequestInfoAndLatencyReportsDescribeTheClientsAsNatsServerDoes() throws Exception {
        List<JsonNode[]> reports = new ArrayList<>();
        for (ServerProcess server : servers.both()) {
            try (RawClient exporter = login(server, "e"); RawClient importer = login(server, "i")) {
                round(exporter, "SUB timed 1\r\nSUB shared 2\r\nSUB lat.> 3\r\n");
                round(importer, "SUB inbox.> 1\r\nPUB timed inbox.1 1\r\nq\r\n");
                String reply = firstMappedReply(round(exporter, ""));
                // nats-server sends its reports from another goroutine: they may come after the PONG.
                String latency = until(exporter, round(exporter, "PUB " + reply + " 1\r\na\r\n"), LATENCY_REPORT);
                round(importer, "PUB shared inbox.2 1\r\nq\r\n");
                String shared = round(exporter, "");
                reports.add(new JsonNode[] {json(LATENCY_REPORT, latency), json(REQUEST_INFO, shared)});
            }
        }
        JsonNode[] reference = reports.get(0);
        JsonNode[] ours = reports.get(1);

        for (int i = 0; i < reference.length; i++) {
            assertThat(fieldPaths(ours[i])).as("the fields, in nats-server's order")
                    .containsExactlyElementsOf(fieldPaths(reference[i]));
        }
        for (String field : new String[] {"/type", "/status", "/requestor/acc", "/responder/acc", "/responder/user",
            "/responder/name", "/responder/lang", "/responder/ver", "/responder/host", "/responder/kind",
            "/responder/client_type"}) {
            assertThat(ours[0].at(field)).as(field).isEqualTo(reference[0].at(field));
        }
        for (String field : new String[] {"/acc", "/user", "/name", "/lang", "/ver", "/kind", "/client_type"}) {
            assertThat(ours[1].at(field)).as(field).isEqualTo(reference[1].at(field));
        }
        assertThat(ours[0].at("/total").asLong()).isGreaterThanOrEqualTo(ours[0].at("/service").asLong());
    }

    @Test
    void badUnservedTracedAndTimedOutRequestsAreReportedAsNatsServerReportsThem() throws Exception {
        String traced = "NATS/1.0\r\nTraceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n"
                + "Tracestate: k=v\r\n\r\n";
        List<JsonNode[]> reports = new ArrayList<>();
        for (ServerProcess server : servers.both()) {
            try (RawClient exporter = login(server, "e"); RawClient importer = login(server, "i")) {
                round(exporter, "SUB lat.> 3\r\nSUB traced 1\r\n");
                round(importer, "SUB inbox.> 1\r\nPUB timed 1\r\nq\r\n");
                String badRequest = until(exporter, round(exporter, ""), LATENCY_REPORT);
                round(importer, "PUB timed inbox.9 1\r\nq\r\n");
                String unserved = until(exporter, round(exporter, ""), LATENCY_REPORT);
                round(importer, "HPUB traced inbox.3 " + traced.length() + " " + (traced.length() + 1) + "\r\n"
                        + traced + "q\r\n");
                String reply = firstMappedReply(round(exporter, ""));
                String sampled = until(exporter, round(exporter, "PUB " + reply + " 1\r\na\r\n"), LATENCY_REPORT);
                round(exporter, "SUB slow 2\r\n");
                round(importer, "PUB slow inbox.4 1\r\nq\r\n");
                // Never answered: reported once the export's one-second threshold has passed.
                String timedOut = until(exporter, round(exporter, ""), LATENCY_REPORT);
                reports.add(new JsonNode[] {json(LATENCY_REPORT, badRequest), json(LATENCY_REPORT, unserved),
                    json(LATENCY_REPORT, sampled), json(LATENCY_REPORT, timedOut)});
            }
        }

        for (int i = 0; i < reports.get(0).length; i++) {
            JsonNode reference = reports.get(0)[i];
            JsonNode ours = reports.get(1)[i];
            assertThat(fieldPaths(ours)).as("report %d's fields, in nats-server's order", i)
                    .containsExactlyElementsOf(fieldPaths(reference));
            for (String field : new String[] {"/status", "/description", "/header", "/requestor/acc"}) {
                assertThat(ours.at(field)).as("report %d: %s", i, field).isEqualTo(reference.at(field));
            }
        }
        assertThat(reports.get(0)[0].at("/status").asInt()).isEqualTo(400);
        assertThat(reports.get(0)[1].at("/status").asInt()).isEqualTo(503);
        assertThat(reports.get(0)[2].at("/header/Tracestate/0").asText()).isEqualTo("k=v");
        assertThat(reports.get(0)[3].at("/status").asInt()).isEqualTo(504);
    }

    private static RawClient login(ServerProcess server, String user) throws IOException {
        return Conversation.connected(server, "{\"verbose\":false,\"headers\":true,\"user\":\"" + user
                + "\",\"pass\":\"" + user + "\",\"name\":\"n-" + user + "\",\"lang\":\"raw\",\"version\":\"1.0\"}");
    }

    private static JsonNode json(Pattern pattern, String received) throws IOException {
        Matcher found = pattern.matcher(received);
        assertThat(found.find()).as("%s in %s", pattern, received).isTrue();
        return JSON.readTree(found.group(1));
    }

    /** Every field of the object as a path, depth first, in the order written. */
    private static List<String> fieldPaths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            paths.add(field.getKey());
            if (field.getValue().isObject()) {
                fieldPaths(field.getValue()).forEach(inner -> paths.add(field.getKey() + "/" + inner));
            }
        });
        return paths;
    }

    private static String firstMappedReply(String received) {
        Matcher reply = MAPPED_REPLY.matcher(received);
        assertThat(reply.find()).as("a mapped reply subject in %s", received).isTrue();
        return reply.group();
    }

    private static String masked(String transcript) {
        String masked = MAPPED_REPLY.matcher(transcript).replaceAll("_R_.<mapped>");
        masked = RTT.matcher(masked).replaceAll("\"rtt\":<rtt>");
        return HMSG_SIZES.matcher(masked).replaceAll("$1 <sizes>\r\n");
    }
}
