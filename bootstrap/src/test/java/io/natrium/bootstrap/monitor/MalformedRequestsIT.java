package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * Requests with broken {@code %} escapes, semicolons, odd targets and Host headers: every one gets an HTTP answer,
 * with the status nats-server 2.9.10 gives (recorded in the table), and where the Debian nats-server is installed
 * the same status line, the same body when it is text, and the same values of the query-driven JSON fields.
 */
class MalformedRequestsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String HOST = "Host: localhost\r\n";
    /** JSON fields whose value the query decides: a dropped pair must leave them as nats-server leaves them. */
    private static final List<String> QUERY_FIELDS = List.of("limit", "offset", "status", "num_connections");

    private static EmbeddedServer natrium;
    private static ServerProcess natsServer;
    private static int natsServerMonitorPort;

    @BeforeAll
    static void startServers() throws Exception {
        natrium = EmbeddedServer.startWithMonitoring();
        Path binary;
        try {
            binary = ExternalTools.natsServer();
        } catch (TestAbortedException absent) {
            // Without the reference (and without -Dnatrium.reference=required) the recorded table still decides.
            return;
        }
        natsServerMonitorPort = ServerProcess.freePort();
        natsServer = ServerProcess.start(binary, List.of("-m", Integer.toString(natsServerMonitorPort)),
                Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (natrium != null) {
            natrium.close();
        }
        if (natsServer != null) {
            natsServer.close();
        }
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                get("/varz?%zz", 200),
                get("/healthz?x=%", 200),
                get("/connz?acc=%", 200),
                get("/connz?%", 200),
                get("/varz?%", 200),
                get("/varz?%2", 200),
                get("/varz?a=b%", 200),
                get("/connz?auth=%ZZ", 200),
                get("/subsz?subs=%", 200),
                get("/accountz?acc=%", 200),
                get("/accstatz?accounts=%", 200),
                get("/connz?cid=%", 200),
                get("/connz?sort=%zz", 200),
                get("/connz?a%zz=1&limit=2", 200),
                get("/connz?limit=2&a=%zz", 200),
                get("/connz?limit=1;x=1", 200),
                get("/connz?limit=%31", 200),
                get("/connz?acc=%E2%82", 200),
                get("/healthz?x=%&y=1#", 200),
                get("/va%72z", 200),
                get("http://localhost/connz?limit=3&a=%zz", 200),
                get("/varz#frag", 404),
                get("/varz%00", 404),
                get("/varz%zz", 400),
                get("/%zz", 400),
                get("/%", 400),
                get("/varz/%", 400),
                get(":/varz", 400),
                get("varz", 400),
                get("*", 400),
                Arguments.of("no Host in HTTP/1.1", "GET /varz HTTP/1.1\r\n\r\n", 400),
                Arguments.of("two Host headers", "GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                Arguments.of("HTTP/1.0 with a broken path", "GET /varz%zz HTTP/1.0\r\n\r\n", 400),
                Arguments.of("HTTP/1.0 without Host", "GET /healthz?x=% HTTP/1.0\r\n\r\n", 200));
    }

    private static Arguments get(String target, int status) {
        return Arguments.of(target, "GET " + target + " HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n", status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyRequestIsAnsweredAsNatsServerAnswersIt(String name, String request, int status) throws Exception {
        Answer ours = send(natrium.monitorPort(), request);

        assertThat(ours.statusCode()).as("%s answered %s", name, ours.raw()).isEqualTo(status);
        if (natsServer == null) {
            return;
        }
        Answer theirs = send(natsServerMonitorPort, request);
        assertThat(ours.statusLine()).isEqualTo(theirs.statusLine());
        if (!theirs.json()) {
            assertThat(ours.body()).isEqualTo(theirs.body());
            return;
        }
        JsonNode their = MonitorHttp.parse(theirs.body());
        JsonNode our = MonitorHttp.parse(ours.body());
        for (String field : QUERY_FIELDS) {
            if (their.has(field)) {
                assertThat(our.get(field)).as(field).isEqualTo(their.get(field));
            }
        }
    }

    /** Sends the request and reads the answer until the server closes or stays silent. */
    private static Answer send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    bytes.write(buffer, 0, read);
                    if (complete(bytes.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException silent) {
                // What came before the silence is the answer.
            }
            return new Answer(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    /** True once a response with a Content-Length has all of its body (HTTP/1.0 answers are kept alive by none). */
    private static boolean complete(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String header : raw.substring(0, end).split("\r\n")) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(header.substring("content-length:".length()).trim());
                return raw.getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
            }
        }
        return false;
    }

    /** A raw HTTP answer. */
    private record Answer(String raw) {

        String statusLine() {
            int end = raw.indexOf("\r\n");
            assertThat(end).as("an HTTP answer, got %s", raw).isPositive();
            return raw.substring(0, end);
        }

        int statusCode() {
            String line = statusLine();
            assertThat(line).startsWith("HTTP/1.");
            return Integer.parseInt(line.substring(9, 12));
        }

        String body() {
            int end = raw.indexOf("\r\n\r\n");
            return end < 0 ? "" : raw.substring(end + 4);
        }

        boolean json() {
            return raw.substring(0, Math.max(raw.indexOf("\r\n\r\n"), 0)).toLowerCase(Locale.ROOT)
                    .contains("content-type: application/json");
        }
    }
}
