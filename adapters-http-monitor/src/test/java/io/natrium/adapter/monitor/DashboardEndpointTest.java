package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DashboardEndpointTest {

    private static String page(String basePath) {
        MonitorResponse response = new DashboardEndpoint(basePath, "2.11.0", new HttpRequestStats())
                .respond(new MonitorRequest("/", Map.of()));
        assertThat(response.kind()).isEqualTo(MonitorResponse.Kind.HTML);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void atTheRootTheScriptReadsTheEndpointsFromTheRoot() {
        String page = page("/");

        assertThat(page).contains("<body data-base=\"\">", "src=\"/dashboard/dashboard.js\"",
                "href=\"/dashboard/dashboard.css\"", "nats-server v2.11.0", "<link rel=\"icon\" href=\"data:,\">");
        for (String path : new String[] {"/varz", "/jsz", "/connz", "/accountz", "/accstatz", "/subsz", "/routez",
            "/leafz", "/gatewayz", "/healthz", "/stacksz", "/metrics"}) {
            assertThat(page).contains("<a href=\"" + path + "\">");
        }
        assertThat(page).doesNotContain("{{");
    }

    @Test
    void underABasePathEverythingIsBelowIt() {
        String page = page("/nats/mon");

        assertThat(page).contains("<body data-base=\"/nats/mon\">", "src=\"/nats/mon/dashboard/dashboard.js\"",
                "<a href=\"/nats/mon/metrics\">", "<a href=\"/nats/mon/varz\">");
        assertThat(page).doesNotContain("href=\"/varz\"");
    }

    @Test
    void aBasePathCannotBreakOutOfItsAttribute() {
        String page = page("/a\"><script>alert(1)</script>");

        assertThat(page).doesNotContain("<script>alert(1)");
        assertThat(page).contains("data-base=\"/a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"");
    }

    @Test
    void theRootIsCountedAndTheFilesAreServedWithTheirTypes() {
        HttpRequestStats requests = new HttpRequestStats();
        new DashboardEndpoint("/", "2.11.0", requests).respond(new MonitorRequest("/", Map.of()));
        assertThat(requests.snapshot()).containsExactly(Map.entry("/", 1L));

        MonitorResponse script = new DashboardAsset("dashboard.js", MonitorResponse.Kind.JAVASCRIPT)
                .respond(new MonitorRequest("/dashboard/dashboard.js", Map.of()));
        assertThat(script.status()).isEqualTo(200);
        assertThat(new String(script.body(), StandardCharsets.UTF_8)).contains("'use strict'", "getJson('/varz')");
        MonitorResponse css = new DashboardAsset("dashboard.css", MonitorResponse.Kind.CSS)
                .respond(new MonitorRequest("/dashboard/dashboard.css", Map.of()));
        assertThat(css.kind()).isEqualTo(MonitorResponse.Kind.CSS);
        assertThat(requests.snapshot()).as("files are part of /, not endpoints").hasSize(1);
    }
}
