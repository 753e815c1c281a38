package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Shutdown closes every client without an error, frees the port, and may be asked for more than once. */
class ShutdownIT {

    @Test
    void shutdownClosesEveryClientAndFreesThePort() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start();
                RawClient session = RawClient.connectAndReadInfo("127.0.0.1", server.port());
                RawClient noConnect = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            Wire.session(session, Wire.QUIET).send("SUB foo 1\r\n" + PING).expect(PONG);

            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> server.server().shutdown());

            session.expectClose("");
            noConnect.expectClose("");
            assertThatThrownBy(() -> RawClient.connect("127.0.0.1", server.port()))
                    .isInstanceOf(ConnectException.class);
            LameDuckIT.assertPortIsFree(server.port());
        }
    }

    @Test
    void shutdownIsSafeToRepeat() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start()) {
            server.server().shutdown();

            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> server.server().shutdown());
            LameDuckIT.assertPortIsFree(server.port());
        }
    }

    @Test
    void aShutdownDuringLameDuckModeEndsItAtOnce() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start();
                RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            Wire.session(client, Wire.QUIET);
            server.server().enterLameDuckMode();
            client.expectNothing();

            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> server.server().shutdown());

            client.expectClose("");
            LameDuckIT.assertPortIsFree(server.port());
        }
    }
}
