package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every monitoring answer shares: JSON layout and headers, JSONP, the base path, keep-alive, HEAD. */
class HttpConventionsIT {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: (\\d+)\r\n");

    @Test
    void jsonIsIndentedWithTwoSpacesAsGoMarshalIndentWritesIt() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            String subsz = MonitorHttp.get(server, "/subsz").body();
            assertThat(subsz).startsWith("{\n  \"server_id\": \"" + server.server().serverId() + "\",\n  \"now\": \"")
                    .containsPattern("\n  \"num_subscriptions\": \\d+,\n  \"num_cache\": 0,\n")
                    .contains("\n  \"cache_hit_rate\": 0,\n")
                    .endsWith("\n  \"limit\": 1024\n}");

            String varz = MonitorHttp.get(server, "/varz").body();
            assertThat(varz).contains("\n  \"cluster\": {},\n  \"gateway\": {},\n")
                    .contains("\n  \"http_req_stats\": {\n    \"/subsz\": 1,\n    \"/varz\": 1\n  },\n")
                    .contains("\n  \"slow_consumer_stats\": {\n    \"clients\": 0,\n");
            assertThat(MonitorHttp.get(server, "/routez").body()).contains("\n  \"routes\": []\n}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/varz", "/connz", "/subsz", "/subscriptionsz", "/accountz", "/accstatz", "/healthz",
        "/routez", "/gatewayz", "/leafz", "/jsz", "/stacksz"})
    void jsonAnswersAllowAnyOrigin(String path) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            HttpResponse<String> response = MonitorHttp.get(server, path);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        }
    }

    @Test
    void aCallbackMakesJsonp() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            HttpResponse<String> varz = MonitorHttp.get(server, "/varz?callback=showVarz");
            assertThat(varz.statusCode()).isEqualTo(200);
            assertThat(varz.headers().firstValue("Content-Type")).hasValue("application/javascript");
            assertThat(varz.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(varz.body()).startsWith("showVarz({\n  \"server_id\": ").endsWith("\n})");
            JsonNode inside = MonitorHttp.parse(varz.body().substring("showVarz(".length(), varz.body().length() - 1));
            assertThat(inside.get("server_id").asText()).isEqualTo(server.server().serverId());

            assertThat(MonitorHttp.get(server, "/healthz?callback=cb").body()).isEqualTo("cb({\"status\":\"ok\"})");
            assertThat(MonitorHttp.get(server, "/connz?callback=cb&limit=x").body())
                    .as("refusals stay plain text").startsWith("Error decoding int");
        }
    }

    @ParameterizedTest(name = "http_base_path {0}")
    @ValueSource(strings = {"/mon", "mon", "/mon/"})
    void everyEndpointIsServedUnderTheBasePath(String basePath) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startAsGiven(ServerSettings.builder().port(-1)
                .monitoring(monitoring -> monitoring.withHttpPort(-1).withBasePath(basePath)))) {
            JsonNode varz = MonitorHttp.json(server, "/mon/varz");
            assertThat(varz.get("http_base_path").asText()).as("as configured").isEqualTo(basePath);
            for (String path : new String[] {"/mon/connz", "/mon/subsz", "/mon/healthz", "/mon/accountz"}) {
                assertThat(MonitorHttp.get(server, path).statusCode()).as(path).isEqualTo(200);
            }
            HttpResponse<String> index = MonitorHttp.get(server, "/mon");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("href=\"/mon/varz\"", "href=\"/mon/connz\"");
            for (String outside : new String[] {"/varz", "/", "/connz", "/mon/mon/varz"}) {
                assertThat(MonitorHttp.get(server, outside).statusCode()).as(outside).isEqualTo(404);
            }
            assertThat(MonitorHttp.json(server, "/mon/varz").get("http_req_stats").get("/varz").asLong())
                    .as("counted by endpoint, without the base path").isEqualTo(2);
        }
    }

    @Test
    void oneConnectionServesRequestAfterRequest() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                Socket socket = new Socket("127.0.0.1", server.monitorPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout((int) MonitorHttp.TIMEOUT.toMillis());
            for (String path : new String[] {"/healthz", "/varz", "/nope", "/connz?limit=x", "/healthz"}) {
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = readResponse(in);
                assertThat(response).as(path).startsWith("HTTP/1.1 ");
            }
            out.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).endsWith("{\"status\":\"ok\"}");
            assertThat(in.read()).as("closed after a response to Connection: close").isEqualTo(-1);
        }
    }

    @Test
    void headAnswersWithHeadersOnly() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(URI.create(server.monitorUrl("/healthz")))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(MonitorHttp.TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
        }
    }

    @Test
    void monitoringDoesNotDisturbClients() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient subscriber = Clients.raw(server, "subscriber");
                RawClient publisher = Clients.raw(server, "publisher")) {
            Clients.roundTrip(subscriber, "SUB x 1\r\n");
            for (int i = 0; i < 20; i++) {
                MonitorHttp.json(server, "/connz?subs=detail&state=all");
                Clients.roundTrip(publisher, "PUB x 1\r\n" + (i % 10) + "\r\n");
                subscriber.expect("MSG x 1 1\r\n" + (i % 10) + "\r\n");
            }
            subscriber.expectNothing();
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
            int next = in.read();
            assertThat(next).as("the response headers end").isNotNegative();
            bytes.write(next);
        }
        String head = bytes.toString(StandardCharsets.US_ASCII);
        Matcher length = CONTENT_LENGTH.matcher(head);
        assertThat(length.find()).as("Content-Length in %s", head).isTrue();
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
