package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** {@code /}: the index page, and paths that are not endpoints. */
class IndexIT {

    @Test
    void linksEveryEndpoint() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            HttpResponse<String> response = MonitorHttp.get(server, "/");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            for (String path : new String[] {"/varz", "/connz", "/subsz", "/accountz", "/accstatz", "/jsz",
                "/routez", "/gatewayz", "/leafz", "/healthz", "/stacksz"}) {
                assertThat(response.body()).contains("href=\"" + path + "\"");
                assertThat(MonitorHttp.get(server, path).statusCode()).as(path).isEqualTo(200);
            }
            assertThat(response.body()).contains("v2.11.0");
        }
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            for (String path : new String[] {"/nope", "/varz/", "/subz", "/connz/1", "/index.html"}) {
                HttpResponse<String> response = MonitorHttp.get(server, path);

                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).isEqualTo("404 page not found\n");
                assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
                assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            }
        }
    }
}
