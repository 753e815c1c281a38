package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --client_advertise} replaces the host and port INFO gives clients, as in nats-server. */
class ClientAdvertiseIT {

    @ParameterizedTest
    @ValueSource(strings = {"nats.example:4999", "10.0.0.1", "[::1]:5000"})
    void infoAdvertisesTheSameAddressAsNatsServer(String advertised) throws Exception {
        List<String> arguments = List.of("--client_advertise", advertised);

        Advertised theirs = info(ExternalTools.natsServer(), arguments, Duration.ofSeconds(10));
        Advertised ours = info(ServerProcess.natriumLauncher(), arguments, Duration.ofSeconds(60));

        assertThat(ours.info().get("host")).isEqualTo(theirs.info().get("host"));
        if (advertised.matches(".*:\\d+")) {
            assertThat(ours.info().get("port")).isEqualTo(theirs.info().get("port"));
        } else {
            assertThat(theirs.info().get("port").asInt()).as("nats-server: its own port").isEqualTo(theirs.port());
            assertThat(ours.info().get("port").asInt()).as("Natrium: its own port").isEqualTo(ours.port());
        }
    }

    /** The INFO a server sent, and the port it listens on. */
    private record Advertised(JsonNode info, int port) {
    }

    private static Advertised info(Path executable, List<String> arguments, Duration readyWithin) throws Exception {
        try (ServerProcess server = ServerProcess.start(executable, arguments, readyWithin);
             RawClient client = RawClient.connect("127.0.0.1", server.port())) {
            return new Advertised(Wire.info(client), server.port());
        }
    }
}
