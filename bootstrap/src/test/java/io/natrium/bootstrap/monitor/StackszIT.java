package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** /stacksz: a dump of the JVM's threads, through nats-server's JSON response handler. */
class StackszIT {

    @Test
    void dumpsEveryThreadWithItsStack() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startWithMonitoring();
                RawClient client = Clients.raw(server, "client")) {
            HttpResponse<String> response = MonitorHttp.get(server, "/stacksz");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body()).contains("\"natrium-monitor-worker\"", "\"natrium-monitor\"",
                    "\"natrium-client-", "\tat io.natrium.adapter.monitor.StackszEndpoint.dump(",
                    "RUNNABLE");
        }
    }
}
