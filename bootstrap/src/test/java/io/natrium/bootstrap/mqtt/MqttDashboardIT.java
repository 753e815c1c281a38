package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.browser.BrowserPage;
import io.natrium.testkit.browser.HeadlessChromium;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless Chromium shows the MQTT figures of a server with an MQTT listener (from /metrics'
 * {@code natrium_mqtt_*} gauges) and hides them on a server without one.
 */
class MqttDashboardIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int PERSISTENT = 0x00;

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
    void showsMqttClientsSessionsRetainedAndUnacknowledgedMessages() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start("http_port: -1\nmqtt { port: -1 }\n");
                RawMqtt device = RawMqtt.connect(server.mqttPort());
                RawMqtt publisher = RawMqtt.connect(server.mqttPort())) {
            assertThat(device.send(RawMqtt.connect("MQTT", 4, PERSISTENT, 60, "dev"))).isEqualTo("20020000");
            assertThat(device.send(RawMqtt.subscribe(1, "t/#", 1))).isEqualTo("9003000101");
            assertThat(publisher.send(RawMqtt.connect("pub", 60))).isEqualTo("20020000");
            assertThat(publisher.send(RawMqtt.publish(0x03, "t/r", 1, "kept"))).isEqualTo("40020001");
            assertThat(device.answer(TIMEOUT)).as("delivered, not acknowledged").startsWith("32");

            BrowserPage page = browser.newPage(1280, 900).navigate(dashboard(server), TIMEOUT);

            page.await("!document.getElementById('mqtt').hidden", TIMEOUT);
            page.await(figure("clients") + " === '2'", TIMEOUT);
            assertThat(page.evaluate(figure("persistent-sessions")).asText()).isEqualTo("1");
            assertThat(page.evaluate(figure("retained-messages")).asText()).isEqualTo("1");
            assertThat(page.evaluate(figure("inflight-messages")).asText()).isEqualTo("1");
            assertThat(page.evaluate(figure("stored-messages")).asText()).isEqualTo("1");
            assertThat(page.errors()).as("console errors and exceptions").isEmpty();
        }
    }

    @Test
    void aServerWithoutMqttShowsNoMqttFigures() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start("http_port: -1\n")) {
            BrowserPage page = browser.newPage(1024, 768).navigate(dashboard(server), TIMEOUT);

            page.await("document.getElementById('status').dataset.state === 'live'", TIMEOUT);
            assertThat(page.evaluate("document.getElementById('mqtt').hidden").asBoolean()).isTrue();
            assertThat(page.errors()).as("console errors and exceptions").isEmpty();
        }
    }

    private static String dashboard(ConfiguredServer server) {
        return "http://127.0.0.1:" + server.server().monitorAddress().getPort() + "/";
    }

    private static String figure(String name) {
        return "document.getElementById('mqtt-" + name + "').dataset.value";
    }
}
