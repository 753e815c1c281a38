package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** HTTP GETs against a server's monitoring port, with bounded waits, and their JSON. */
final class MonitorHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitorHttp() {
    }

    /** GET {@code url}, whatever the status. */
    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(EmbeddedServer server, String pathAndQuery)
            throws IOException, InterruptedException {
        return get(server.monitorUrl(pathAndQuery));
    }

    /** GET a path that must answer 200 with JSON, and parse it. */
    static JsonNode json(EmbeddedServer server, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(server, pathAndQuery);
        assertThat(response.statusCode()).as("status of %s: %s", pathAndQuery, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return parse(response.body());
    }

    static JsonNode parse(String body) throws IOException {
        return JSON.readTree(body);
    }

    /**
     * GETs a JSON path until {@code condition} holds for the answer, and returns that answer; fails after
     * {@link #TIMEOUT}. For state other threads update after the client's call returned (e.g. a close).
     */
    static JsonNode awaitJson(EmbeddedServer server, String pathAndQuery, Predicate<JsonNode> condition)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode last = json(server, pathAndQuery);
        while (!condition.test(last)) {
            assertThat(System.nanoTime()).as("%s never met the condition; last answer %s", pathAndQuery, last)
                    .isLessThan(deadline);
            LockSupport.parkNanos(POLL_NANOS);
            last = json(server, pathAndQuery);
        }
        return last;
    }

    /** GET a path that must be refused with 400, and return nats-server's text. */
    static String badRequest(EmbeddedServer server, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(server, pathAndQuery);
        assertThat(response.statusCode()).as("status of %s: %s", pathAndQuery, response.body()).isEqualTo(400);
        return response.body();
    }
}
