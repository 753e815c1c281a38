package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Lame-duck mode: no new clients, an INFO with ldm to those that take async INFO, then every client is closed. */
class LameDuckIT {

    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final ServerSettings.Builder SHORT_LAME_DUCK = ServerSettings.builder()
            .lameDuckDuration(Duration.ofSeconds(2)).lameDuckGracePeriod(GRACE);

    @Test
    void lameDuckModeStopsAcceptingAnnouncesItselfAndThenClosesEveryClient() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(SHORT_LAME_DUCK);
                RawClient asyncInfo = RawClient.connect("127.0.0.1", server.port());
                RawClient protocolZero = RawClient.connectAndReadInfo("127.0.0.1", server.port());
                RawClient noConnect = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            long clientId = Wire.info(asyncInfo).get("client_id").longValue();
            asyncInfo.send(connect("{\"verbose\":false,\"pedantic\":false,\"protocol\":1}") + PING).expect(PONG);
            assertThat(Wire.info(asyncInfo).get("connect_info").booleanValue()).isTrue();
            Wire.session(protocolZero, Wire.QUIET);

            long start = System.nanoTime();
            server.server().enterLameDuckMode();
            JsonNode info = Wire.info(asyncInfo);

            assertThat(info.get("ldm").booleanValue()).isTrue();
            assertThat(info.get("server_id").textValue()).isEqualTo(server.server().serverId());
            assertThat(info.get("client_id").longValue()).isEqualTo(clientId);
            assertThat(info.has("connect_info")).as("connect_info").isFalse();
            assertThatThrownBy(() -> RawClient.connect("127.0.0.1", server.port()))
                    .isInstanceOf(ConnectException.class);
            for (RawClient client : List.of(asyncInfo, protocolZero, noConnect)) {
                client.expectNothing();
            }
            for (RawClient client : List.of(asyncInfo, protocolZero, noConnect)) {
                client.expectClose("");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("clients are kept for the grace period")
                    .isGreaterThanOrEqualTo(GRACE);
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> server.server().awaitTermination());
            assertPortIsFree(server.port());
        }
    }

    @Test
    void withoutClientsLameDuckModeShutsDownAtOnce() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(SHORT_LAME_DUCK)) {
            server.server().enterLameDuckMode();

            assertTimeoutPreemptively(GRACE, () -> server.server().awaitTermination());
            assertPortIsFree(server.port());
        }
    }

    static void assertPortIsFree(int port) throws Exception {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
