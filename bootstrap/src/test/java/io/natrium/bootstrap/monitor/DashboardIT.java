package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.browser.BrowserPage;
import io.natrium.testkit.browser.HeadlessChromium;
import io.nats.client.Connection;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard at {@code /} in a real headless Chromium, while jnats clients publish: it shows the server, rates
 * above zero computed from /varz, the connections (sortable), subscriptions and accounts, links every endpoint,
 * and logs no error. Skipped only where no Chromium binary is installed. Leaves a screenshot in
 * {@code target/dashboard.png} (the README's picture comes from it).
 */
class DashboardIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    /** Enough seconds of rates for the charts to show a line, not a dot. */
    private static final int CHART_POINTS = 6;

    private static HeadlessChromium browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.launch(ExternalTools.chromium(), TIMEOUT);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void showsTheServerLiveRatesConnectionsAndEveryEndpointWithoutErrors() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring(ServerSettings.builder()
                .serverName("natrium-demo"));
                Connection orders = Clients.jnats(server, "order-service");
                Connection billing = Clients.jnats(server, "billing-worker");
                Connection audit = Clients.jnats(server, "audit-log");
                Connection publisher = Clients.jnats(server, "web-frontend")) {
            orders.subscribe("orders.>");
            billing.subscribe("orders.created", "billing");
            audit.subscribe(">");
            for (Connection subscriber : List.of(orders, billing, audit)) {
                subscriber.flush(Clients.TIMEOUT);
            }
            ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
            try {
                // A steady trickle, so each one-second sample of /varz sees new messages.
                traffic.scheduleAtFixedRate(() -> publishSome(publisher), 0, 20, TimeUnit.MILLISECONDS);
                BrowserPage page = browser.newPage(1280, 900).navigate(server.monitorUrl("/"), TIMEOUT);

                page.await(text("server-name") + " === 'natrium-demo'", TIMEOUT);
                page.await("Number(document.getElementById('rate-in-msgs').dataset.value) > 0", TIMEOUT);
                page.await("Number(document.getElementById('rate-out-msgs').dataset.value) > 0", TIMEOUT);
                page.await("document.querySelector('#chart-msgs polyline.in')?.points.numberOfItems >= "
                        + CHART_POINTS, TIMEOUT);

                assertThat(page.evaluate(text("server-id")).asText()).isEqualTo(server.server().serverId());
                assertThat(page.evaluate("document.getElementById('status').dataset.state").asText())
                        .isEqualTo("live");
                assertThat(page.evaluate(text("connections")).asText()).isEqualTo("4");
                assertThat(column(page, 2)).containsExactly("order-service", "billing-worker", "audit-log",
                        "web-frontend");

                // Sorting: messages in, biggest first, puts the one publisher on top.
                page.evaluate("document.querySelector('th[data-key=in_msgs]').click()");
                assertThat(column(page, 2).get(0)).isEqualTo("web-frontend");
                page.evaluate("document.querySelector('th[data-key=name]').click()");
                assertThat(column(page, 2)).containsExactly("audit-log", "billing-worker", "order-service",
                        "web-frontend");

                assertThat(rows(page, "#subscriptions-table", 1)).contains("orders.>", "orders.created", ">");
                assertThat(rows(page, "#accounts-table", 1)).containsExactly("$G", "$SYS");
                JsonNode links = page.evaluate(
                        "Array.from(document.querySelectorAll('nav.endpoints a')).map(a => a.getAttribute('href'))");
                List<String> hrefs = new ArrayList<>();
                links.forEach(link -> hrefs.add(link.asText()));
                assertThat(hrefs).contains("/varz", "/connz", "/subsz", "/accountz", "/accstatz", "/jsz", "/routez",
                        "/leafz", "/gatewayz", "/healthz", "/stacksz", "/metrics");

                page.screenshot(SCREENSHOT);
                assertThat(page.errors()).as("console errors and exceptions").isEmpty();
            } finally {
                traffic.shutdownNow();
                traffic.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void readsTheEndpointsUnderTheBasePath() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startAsGiven(ServerSettings.builder().port(-1).serverName("based")
                .monitoring(monitoring -> monitoring.withHttpPort(-1).withBasePath("/nats/monitor")));
                Connection client = Clients.jnats(server, "only-client")) {
            BrowserPage page = browser.newPage(1024, 768).navigate(server.monitorUrl("/nats/monitor"), TIMEOUT);

            page.await(text("server-name") + " === 'based'", TIMEOUT);
            page.await("document.querySelector('#connections-table tbody td:nth-child(2)')?.textContent"
                    + " === 'only-client'", TIMEOUT);
            assertThat(page.evaluate("document.querySelector('nav.endpoints a').getAttribute('href')").asText())
                    .isEqualTo("/nats/monitor/varz");
            assertThat(page.errors()).as("console errors and exceptions, e.g. a script not found").isEmpty();
        }
    }

    private static void publishSome(Connection publisher) {
        for (int i = 0; i < 20; i++) {
            publisher.publish(i % 4 == 0 ? "orders.created" : "orders.shipped", new byte[64 + i]);
        }
    }

    private static String text(String id) {
        return "document.getElementById('" + id + "').textContent";
    }

    private static List<String> column(BrowserPage page, int column) throws Exception {
        return rows(page, "#connections-table", column);
    }

    private static List<String> rows(BrowserPage page, String table, int column) throws Exception {
        JsonNode cells = page.evaluate("Array.from(document.querySelectorAll('" + table + " tbody tr td:nth-child("
                + column + ")')).map(td => td.textContent)");
        List<String> texts = new ArrayList<>();
        cells.forEach(cell -> texts.add(cell.asText()));
        return texts;
    }
}
