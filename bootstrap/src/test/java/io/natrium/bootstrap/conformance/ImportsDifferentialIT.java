package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stream and service imports between accounts, played over raw connections against nats-server and Natrium with
 * the same configuration: the transcripts of both must match once the random parts (the mapped reply subjects and
 * the requester's round-trip time, with the header sizes that depend on it) are masked.
 */
class ImportsDifferentialIT {

    private static final String CONFIG = """
            accounts {
              E: {
                users: [{user: e, password: e}]
                exports: [
                  {service: "svc.>"}
                  {service: "stream.req", response: Stream}
                  {stream: "ticks.>"}
                  {stream: "private.>", accounts: [I]}
                  {stream: "other.>", accounts: [X]}
                ]
              }
              I: {
                users: [{user: i, password: i}]
                imports: [
                  {service: {account: E, subject: "svc.>"}, to: "local.>"}
                  {service: {account: E, subject: "stream.req"}}
                  {stream: {account: E, subject: "ticks.>"}, prefix: "feed"}
                  {stream: {account: E, subject: "private.a"}}
                ]
              }
              X: {users: [{user: x, password: x}]}
            }
            """;
    private static final Pattern MAPPED_REPLY = Pattern.compile("_R_\\.[0-9A-Za-z]+\\.[0-9A-Za-z]+");
    private static final Pattern RTT = Pattern.compile("\"rtt\":\\d+");
    private static final Pattern HMSG_SIZES = Pattern.compile("(HMSG [^\r\n]*) \\d+ \\d+\r\n");
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final Duration STEP = Duration.ofMillis(10);

    private static final List<ServerProcess> SERVERS = new ArrayList<>();

    @BeforeAll
    static void startServers() throws Exception {
        Optional<Path> binary = ServerProcess.natsServerBinary();
        assumeTrue(binary.isPresent(), "nats-server is not installed");
        Path config = Files.createTempFile("natrium-imports-", ".conf");
        Files.writeString(config, CONFIG);
        List<String> arguments = List.of("-c", config.toString());
        SERVERS.add(ServerProcess.start(binary.get(), arguments, Duration.ofSeconds(10)));
        SERVERS.add(ServerProcess.start(ServerProcess.natriumLauncher(), arguments, Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        for (ServerProcess server : SERVERS) {
            server.close();
        }
        SERVERS.clear();
    }

    @Test
    void requestsCrossServiceImportsAndSingletonResponsesComeBackOnce() throws Exception {
        assertSameTranscripts(server -> {
            try (RawClient exporter = login(server, "e"); RawClient importer = login(server, "i")) {
                StringBuilder transcript = new StringBuilder();
                transcript.append(round(exporter, "SUB svc.> 1\r\nSUB _R_.> 9\r\n"));
                transcript.append(round(importer, "SUB inbox.> 3\r\nSUB local.> 4\r\n"));
                transcript.append(round(importer, "PUB local.x inbox.1 5\r\nhello\r\nPUB local.y 2\r\nhi\r\n"));
                String requests = round(exporter, "");
                transcript.append(requests);
                String reply = firstMappedReply(requests);
                transcript.append(round(exporter, "PUB " + reply + " 3\r\nans\r\nPUB " + reply + " 4\r\nans2\r\n"));
                transcript.append(round(importer, ""));
                return transcript.toString();
            }
        });
    }

    @Test
    void aStreamResponseTypeDeliversEveryResponse() throws Exception {
        assertSameTranscripts(server -> {
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
        });
    }

    @Test
    void streamsArriveUnderTheirPrefixAndOnlyWhereImported() throws Exception {
        assertSameTranscripts(server -> {
            try (RawClient exporter = login(server, "e"); RawClient importer = login(server, "i");
                 RawClient stranger = login(server, "x")) {
                StringBuilder transcript = new StringBuilder();
                transcript.append(round(importer, "SUB feed.> 1\r\nSUB private.> 2\r\nSUB ticks.> 3\r\n"));
                transcript.append(round(stranger, "SUB > 1\r\n"));
                transcript.append(round(exporter, "PUB ticks.a r 1\r\nt\r\nPUB private.a 1\r\np\r\n"
                        + "PUB private.b 1\r\nq\r\nPUB other.a 1\r\no\r\n"));
                transcript.append(round(importer, ""));
                transcript.append(round(stranger, ""));
                return transcript.toString();
            }
        });
    }

    @Test
    void aRequestWithNobodyServingItGetsNoResponders() throws Exception {
        assertSameTranscripts(server -> {
            try (RawClient importer = login(server, "i")) {
                return round(importer, "CONNECT {\"verbose\":false,\"user\":\"i\",\"pass\":\"i\",\"headers\":true,"
                        + "\"no_responders\":true}\r\nSUB inbox.> 1\r\nPUB local.z inbox.2 1\r\nq\r\n");
            }
        });
    }

    /** A scripted conversation with one server, returning what the clients received. */
    @FunctionalInterface
    private interface Script {
        String play(ServerProcess server) throws IOException;
    }

    private static void assertSameTranscripts(Script script) throws IOException {
        String reference = masked(script.play(SERVERS.get(0)));
        String ours = masked(script.play(SERVERS.get(1)));

        assertThat(ours).as("Natrium's transcript, beside nats-server's").isEqualTo(reference);
    }

    private static RawClient login(ServerProcess server, String user) throws IOException {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port());
        round(client, "CONNECT {\"verbose\":false,\"headers\":true,\"user\":\"" + user + "\",\"pass\":\"" + user
                + "\"}\r\n");
        return client;
    }

    /** Sends the input and a PING, and returns everything received up to its PONG. */
    private static String round(RawClient client, String input) throws IOException {
        client.send(input + Wire.PING);
        StringBuilder received = new StringBuilder();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!client.isClosedByServer() && received.indexOf(Wire.PONG) < 0 && System.nanoTime() < deadline) {
            received.append(client.drain(STEP));
        }
        return received.toString();
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
