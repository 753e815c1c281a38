package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** /healthz and its parameters, answered as by a server without JetStream. */
class HealthzIT {

    @Test
    void aRunningServerIsOk() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            HttpResponse<String> response = MonitorHttp.get(server, "/healthz");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as("compact, as nats-server marshals it").isEqualTo("{\"status\":\"ok\"}");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"js-enabled=true", "js-enabled-only=1", "js-server-only=true", "js-meta-only=true",
        "details=true", "account=ACC", "account=ACC&stream=S", "account=ACC&stream=S&consumer=C&details=1"})
    void jetStreamChecksDoNotApplyWithoutJetStream(String query) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            HttpResponse<String> response = MonitorHttp.get(server, "/healthz?" + query);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "stream=S | {\"status\":\"error\",\"error\":\"\\\"account\\\" must not be empty when checking stream health\"}",
        "account=A&consumer=C | "
                + "{\"status\":\"error\",\"error\":\"\\\"stream\\\" must not be empty when checking consumer health\"}",
        "stream=S&details=true | {\"status\":\"error\",\"errors\":[{\"type\":\"BAD_REQUEST\",\"error\":"
                + "\"\\\"account\\\" must not be empty when checking stream health\"}]}"})
    void incompleteStreamOrConsumerChecksAreBadRequests(String query, String body) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            HttpResponse<String> response = MonitorHttp.get(server, "/healthz?" + query);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo(body);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"js-enabled", "js-enabled-only", "js-server-only", "js-meta-only", "details"})
    void badBooleansAreRefused(String parameter) throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring()) {
            assertThat(MonitorHttp.badRequest(server, "/healthz?" + parameter + "=sure")).isEqualTo(
                    "Error decoding boolean for '" + parameter + "': strconv.ParseBool: parsing \"sure\": "
                            + "invalid syntax");
        }
    }
}
