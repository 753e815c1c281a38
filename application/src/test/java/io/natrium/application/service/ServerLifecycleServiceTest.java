package io.natrium.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.settings.ServerSettings;
import io.natrium.testkit.memory.BytesMessage;
import io.natrium.testkit.memory.InMemoryClient;
import io.natrium.testkit.memory.OutboundEvent;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Lame-duck announcements, closing clients at shutdown, and the bound address INFO reports. */
class ServerLifecycleServiceTest {

    private static final String HOST = "127.0.0.1";
    /** The first client's id: nats-server's internal clients (the system client's among them) come first. */
    private static final long FIRST = 4;

    private final ServerContext server = new ServerContext(ServerSettings.defaults(),
            new ServerIdentity("NLIFECYCLE", "lifecycle", "2.11.0", "java-test"), Runnable::run);
    private final ConnectClientService connectService = new ConnectClientService(server);
    private final ServerLifecycleService lifecycle = new ServerLifecycleService(server);

    @Test
    void lameDuckInfoGoesOnlyToProtocolOneClientsThatConnectedAndPinged() {
        InMemoryClient ready = connect(1).ping();
        InMemoryClient notPinged = connect(1);
        InMemoryClient protocolZero = connect(0).ping();
        InMemoryClient noConnect = open().ping();
        InMemoryClient closing = connect(1).ping();
        closing.read(session -> session.clientError("bye"));
        InMemoryClient gone = connect(1).ping();
        gone.disconnect();
        drain(ready, notPinged, protocolZero, noConnect, closing, gone);

        lifecycle.announceLameDuckMode();
        runPending(ready, notPinged, protocolZero, noConnect, closing, gone);

        assertThat(ready.received()).containsExactly(new OutboundEvent.Info(
                server.info().withLameDuckMode().forClient(FIRST, HOST)));
        assertThat(notPinged.received()).isEmpty();
        assertThat(protocolZero.received()).isEmpty();
        assertThat(noConnect.received()).isEmpty();
        assertThat(closing.received()).isEmpty();
        assertThat(gone.received()).isEmpty();
        assertThat(server.isLameDuckMode()).isTrue();
    }

    @Test
    void theLameDuckInfoCarriesTheFlagAndTheClientsIdentity() {
        InMemoryClient client = connect(1).ping();
        client.received();

        lifecycle.announceLameDuckMode();
        client.runPending();

        ServerInfo info = ((OutboundEvent.Info) client.received().get(0)).info();
        assertThat(info.lameDuckMode()).isTrue();
        assertThat(info.clientId()).isEqualTo(FIRST);
        assertThat(info.clientIp()).isEqualTo(HOST);
        assertThat(info.connectInfo()).isFalse();
    }

    @Test
    void closeClientClosesForShutdownAfterFlushingWhatIsQueued() {
        InMemoryClient subscriber = connect(1).subscribe("foo", null, "1");
        InMemoryClient publisher = connect(1);
        publisher.session().publish(new BytesMessage("foo", null, null, "last"));
        subscriber.received();

        lifecycle.closeClient(FIRST);
        subscriber.runPending();

        assertThat(subscriber.received()).containsExactly(new OutboundEvent.Msg("foo", "1", null, null, "last"),
                new OutboundEvent.Closed(CloseReason.SERVER_SHUTDOWN));
        assertThat(subscriber.session().isClosed()).isTrue();
        assertThat(lifecycle.openClientIds()).containsExactly(FIRST, FIRST + 1);

        subscriber.runPending();
        assertThat(lifecycle.openClientIds()).containsExactly(FIRST + 1);
    }

    @Test
    void closingAnUnknownClientDoesNothing() {
        InMemoryClient client = connect(1);
        client.received();

        lifecycle.closeClient(99);

        assertThat(client.received()).isEmpty();
        assertThat(lifecycle.openClientIds()).containsExactly(FIRST);
    }

    @Test
    void openClientIdsAreSortedAndLeaveOutClosedClients() {
        List<InMemoryClient> clients = Stream.generate(this::open).limit(12).toList();

        lifecycle.closeClient(FIRST + 4);
        lifecycle.closeClient(FIRST + 10);
        clients.forEach(InMemoryClient::runPending);
        assertThat(lifecycle.openClientIds()).as("until the transports report the close")
                .containsExactly(LongStream.range(FIRST, FIRST + 12).boxed().toArray(Long[]::new));
        clients.forEach(InMemoryClient::runPending);

        assertThat(lifecycle.openClientIds()).containsExactlyElementsOf(LongStream.range(FIRST, FIRST + 12)
                .filter(id -> id != FIRST + 4 && id != FIRST + 10).boxed().toList());
    }

    @Test
    void beginShutdownMarksTheServer() {
        assertThat(server.isShuttingDown()).isFalse();

        lifecycle.beginShutdown();

        assertThat(server.isShuttingDown()).isTrue();
    }

    @Test
    void theBoundAddressIsInTheInfoOfLaterClients() {
        lifecycle.clientListenerBound("192.0.2.1", 4333);

        ServerInfo info = ((OutboundEvent.Info) open().received().get(0)).info();

        assertThat(info.host()).isEqualTo("192.0.2.1");
        assertThat(info.port()).isEqualTo(4333);
    }

    private InMemoryClient open() {
        return InMemoryClient.connect(connectService);
    }

    /** A client that sent a quiet CONNECT with this protocol. */
    private InMemoryClient connect(int protocol) {
        return open().connect(new ConnectRequest(false, false, null, null, null, null, null, null, null, protocol,
                null, null, null, null, null, null, null, null));
    }

    /** Each client's loop runs what the lame-duck thread handed it. */
    private static void runPending(InMemoryClient... clients) {
        for (InMemoryClient client : clients) {
            client.runPending();
        }
    }

    private static void drain(InMemoryClient... clients) {
        for (InMemoryClient client : clients) {
            client.received();
        }
    }
}
