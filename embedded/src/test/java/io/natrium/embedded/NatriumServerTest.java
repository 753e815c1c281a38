package io.natrium.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.embedded.jnats.InProcessNats;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatriumServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** jnats's 2 s to connect is short on a loaded machine. */
    private static Connection connect(String url) throws IOException, InterruptedException {
        return Nats.connect(new Options.Builder().server(url).connectionTimeout(TIMEOUT).build());
    }

    @Test
    void startsOnAFreePortOfTheLoopbackAndTakesJnatsClients() throws Exception {
        try (NatriumServer server = NatriumServer.start();
                Connection connection = connect(server.clientUrl())) {
            assertThat(server.clientUrl()).isEqualTo("nats://127.0.0.1:" + server.port());
            assertThat(server.port()).isPositive().isNotEqualTo(4222);
            assertThat(connection.getServerInfo().getServerId()).isEqualTo(server.serverId());
        }
    }

    @Test
    void theConfigurationTextAndTheBuilderOptionsApply() throws Exception {
        try (NatriumServer server = NatriumServer.builder().serverName("alpha").config("max_payload: 2048").start();
                Connection connection = connect(server.clientUrl())) {
            assertThat(connection.getServerInfo().getServerName()).isEqualTo("alpha");
            assertThat(connection.getServerInfo().getMaxPayload()).isEqualTo(2048);
        }
    }

    @Test
    void aConfigurationFileIsReadAndReadAgainOnReload(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("server.conf");
        Files.writeString(file, "max_payload: 4096\n");
        try (NatriumServer server = NatriumServer.builder().configFile(file).start()) {
            Files.writeString(file, "max_payload: 8192\n");

            assertThat(server.reload()).contains("Reloaded: max_payload = 8192");
            try (Connection connection = connect(server.clientUrl())) {
                assertThat(connection.getServerInfo().getMaxPayload()).isEqualTo(8192);
            }
        }
    }

    @Test
    void reloadWithNewTextAppliesItToNewClients() throws Exception {
        try (NatriumServer server = NatriumServer.builder().config("max_payload: 2048").start()) {
            assertThat(server.reload("max_payload: 1024")).contains("Reloaded: max_payload = 1024");

            try (Connection connection = connect(server.clientUrl())) {
                assertThat(connection.getServerInfo().getMaxPayload()).isEqualTo(1024);
            }
        }
    }

    @Test
    void aReloadWithErrorsLeavesTheServerAsItWas() throws Exception {
        try (NatriumServer server = NatriumServer.builder().config("max_payload: 2048").start()) {
            assertThatThrownBy(() -> server.reload("no_such_key: 1"))
                    .isInstanceOf(NatriumConfigurationException.class);
            assertThatThrownBy(() -> server.reload("server_name: renamed"))
                    .isInstanceOf(NatriumConfigurationException.class).hasMessageContaining("ServerName");

            try (Connection connection = connect(server.clientUrl())) {
                assertThat(connection.getServerInfo().getMaxPayload()).isEqualTo(2048);
            }
        }
    }

    @Test
    void aBadConfigurationStopsTheStartWithNatsServersError() {
        assertThatThrownBy(() -> NatriumServer.builder().config("no_such_key: 1").start())
                .isInstanceOf(NatriumConfigurationException.class)
                .satisfies(error -> assertThat(((NatriumConfigurationException) error).errors())
                        .singleElement().asString().contains("unknown field \"no_such_key\""));
    }

    @Test
    void monitoringAnswersOnItsOwnFreePort() throws Exception {
        try (NatriumServer server = NatriumServer.builder().monitoring().serverName("watched").start()) {
            HttpResponse<String> varz = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.monitorUrl() + "/varz")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(varz.statusCode()).isEqualTo(200);
            assertThat(varz.body()).contains("\"server_name\": \"watched\"", "\"port\": " + server.port());
        }
    }

    @Test
    void connzShowsAnInProcessClientWithNoAddressAsNatsServerShowsItsInProcessClients() throws Exception {
        try (NatriumServer server = NatriumServer.builder().monitoring().start();
                Connection inside = InProcessNats.connect(server, options -> options.connectionName("inside"))) {
            HttpResponse<String> connz = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.monitorUrl() + "/connz")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(connz.body()).contains("\"num_connections\": 1", "\"name\": \"inside\"", "\"ip\": \"\"",
                    "\"port\": 0");
        }
    }

    @Test
    void withoutMonitoringThereIsNoMonitorUrl() {
        try (NatriumServer server = NatriumServer.start()) {
            assertThatThrownBy(server::monitorUrl).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void serversOfOneJvmShareNothing() throws Exception {
        try (NatriumServer first = NatriumServer.builder().user("a", "pa").start();
                NatriumServer second = NatriumServer.builder().user("b", "pb").start();
                Connection toFirst = Nats.connect(new Options.Builder().server(first.clientUrl())
                        .userInfo("a", "pa").build());
                Connection toSecond = InProcessNats.connect(second, builder -> builder.userInfo("b", "pb"))) {
            Subscription onSecond = toSecond.subscribe("shared.subject");
            toSecond.flush(TIMEOUT);
            toFirst.publish("shared.subject", new byte[] {1});
            toFirst.flush(TIMEOUT);

            assertThat(first.serverId()).isNotEqualTo(second.serverId());
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(first.inProcessName()).isNotEqualTo(second.inProcessName());
            assertThat(toFirst.getServerInfo().getServerId()).isEqualTo(first.serverId());
            assertThat(toSecond.getServerInfo().getServerId()).isEqualTo(second.serverId());
            assertThatThrownBy(() -> Nats.connect(new Options.Builder().server(first.clientUrl())
                    .userInfo("b", "pb").maxReconnects(0).build())).isInstanceOf(IOException.class);
            assertThat(onSecond.nextMessage(Duration.ofMillis(200))).as("another server's message").isNull();
        }
    }

    @Test
    void closeStopsBothListeners() throws Exception {
        NatriumServer server = NatriumServer.start();
        String url = server.clientUrl();
        server.close();

        Options socket = new Options.Builder().server(url).maxReconnects(0).connectionTimeout(TIMEOUT).build();
        assertThatThrownBy(() -> Nats.connect(socket)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Nats.connect(InProcessNats.options(server).maxReconnects(0).build()))
                .isInstanceOf(IOException.class);
    }
}
