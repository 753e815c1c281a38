package io.natrium.bootstrap.client;

import static io.natrium.bootstrap.client.JnatsClients.TIMEOUT;
import static io.natrium.bootstrap.client.JnatsClients.connect;
import static io.natrium.bootstrap.client.JnatsClients.flush;
import static io.natrium.bootstrap.client.JnatsClients.numbered;
import static io.natrium.bootstrap.client.JnatsClients.options;
import static io.natrium.bootstrap.client.JnatsClients.publishAll;
import static io.natrium.bootstrap.client.JnatsClients.refusedConnectErrors;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.server.ServerIdentity;
import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import io.nats.client.api.ServerInfo;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** jnats connects and sees the server as nats-server describes itself; flush is a real round trip. */
class JnatsConnectIT {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    @Test
    void clientSeesTheServerInfo() throws Exception {
        try (Connection nats = connect(SERVER.get())) {
            ServerInfo info = nats.getServerInfo();

            assertThat(nats.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            assertThat(info.getServerId()).isEqualTo(SERVER.get().server().serverId()).startsWith("N").hasSize(56);
            assertThat(info.getServerName()).isEqualTo(SERVER.get().server().serverId());
            assertThat(info.getVersion()).isEqualTo(ServerIdentity.NATS_SERVER_VERSION);
            assertThat(info.getProtocolVersion()).isEqualTo(1);
            assertThat(info.isHeadersSupported()).isTrue();
            assertThat(info.getMaxPayload()).isEqualTo(ServerSettings.DEFAULT_MAX_PAYLOAD).isEqualTo(1_048_576);
            assertThat(nats.getMaxPayload()).isEqualTo(1_048_576);
            assertThat(info.getPort()).isEqualTo(SERVER.get().port());
            assertThat(info.getClientId()).isPositive();
            assertThat(info.getClientIp()).isEqualTo("127.0.0.1");
            assertThat(info.isAuthRequired()).isFalse();
            assertThat(info.isTLSRequired()).isFalse();
            assertThat(info.isJetStreamAvailable()).isFalse();
        }
    }

    @Test
    void everyConnectionGetsItsOwnClientId() throws Exception {
        try (Connection first = connect(SERVER.get()); Connection second = connect(SERVER.get())) {
            assertThat(first.getServerInfo().getClientId()).isNotEqualTo(second.getServerInfo().getClientId());
        }
    }

    @Test
    void clientSeesConfiguredNameMaxPayloadAndHeaderSupport() throws Exception {
        try (EmbeddedServer custom = EmbeddedServer.start(
                        ServerSettings.builder().serverName("natrium-it").maxPayload(64 * 1024).noHeaderSupport(true));
                Connection nats = connect(options(custom).noNoResponders())) {
            ServerInfo info = nats.getServerInfo();

            assertThat(info.getServerName()).isEqualTo("natrium-it");
            assertThat(info.getServerId()).isEqualTo(custom.server().serverId());
            assertThat(info.getMaxPayload()).isEqualTo(64 * 1024);
            assertThat(nats.getMaxPayload()).isEqualTo(64 * 1024);
            assertThat(info.isHeadersSupported()).isFalse();
        }
    }

    @Test
    void serverWithoutHeadersRefusesAClientAskingForNoResponders() throws Exception {
        // jnats announces no_responders by default whatever the server's INFO says; nats-server refuses that too.
        try (EmbeddedServer custom = EmbeddedServer.start(ServerSettings.builder().noHeaderSupport(true))) {
            assertThat(refusedConnectErrors(options(custom))).containsExactly("no responders requires headers support");
        }
    }

    @Test
    void flushIsARoundTripAfterWhichEverythingSentBeforeIsProcessed() throws Exception {
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Subscription subscription = subscriber.subscribe("flush.check");
            flush(subscriber);
            publishAll(publisher, "flush.check", numbered("m", 100));

            flush(publisher, subscriber);

            assertThat(subscription.getPendingMessageCount()).isEqualTo(100);
            Duration rtt = publisher.RTT();
            assertThat(rtt).isPositive().isLessThan(TIMEOUT);
        }
    }
}
