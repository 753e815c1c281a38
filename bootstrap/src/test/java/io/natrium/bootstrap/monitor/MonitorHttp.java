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

/** HTTP GETs against a server's monitoring port, with bounded waits, and their JSON. */
final class MonitorHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
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

    /** GET a path that must be refused with 400, and return nats-server's text. */
    static String badRequest(EmbeddedServer server, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(server, pathAndQuery);
        assertThat(response.statusCode()).as("status of %s: %s", pathAndQuery, response.body()).isEqualTo(400);
        return response.body();
    }
}
