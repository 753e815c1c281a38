package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.wiring.InMemoryListener;
import io.natrium.bootstrap.wiring.InMemoryTransportModule;
import io.natrium.testkit.memory.InMemoryClient;
import io.natrium.testkit.memory.OutboundEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole server wired by the production Guice modules, with the in-memory transport in place of TCP: clients
 * CONNECT, SUB, PUB and receive MSG through the real services, with no socket.
 */
class InMemoryServerTest {

    private final InMemoryTransportModule transport = new InMemoryTransportModule();
    private NatriumServer server;

    private InMemoryListener start(ServerSettings settings) throws InterruptedException {
        server = NatriumServer.create(settings, new NoConfigurationFile(), transport);
        server.start();
        return transport.listener();
    }

    @AfterEach
    void shutDown() throws InterruptedException {
        if (server != null) {
            shutDownRunningTheClientsLoops();
        }
    }

    @Test
    void clientsConnectSubscribePublishAndReceiveThroughTheWiredServer() throws InterruptedException {
        InMemoryListener listener = start(ServerSettings.defaults());
        InMemoryClient subscriber = listener.connect();
        InMemoryClient publisher = listener.connect();

        assertThat(subscriber.received()).singleElement().isInstanceOfSatisfying(OutboundEvent.Info.class, info -> {
            assertThat(info.info().serverId()).isEqualTo(server.serverId());
            // nats-server numbers its internal clients first: the system client, $G's, the send queue's.
            assertThat(info.info().clientId()).isEqualTo(4);
            assertThat(info.info().port()).isEqualTo(4222);
        });
        subscriber.connect(connect(true, null, null)).subscribe("greeting.>", null, "1").ping();
        assertThat(subscriber.received()).containsExactly(new OutboundEvent.Ok(), new OutboundEvent.Ok(),
                new OutboundEvent.Pong());

        publisher.connect(connect(false, null, null)).publish("greeting.world", "_INBOX.1", "hello")
                .publish("other", null, "nobody");

        assertThat(subscriber.received()).containsExactly(
                new OutboundEvent.Msg("greeting.world", "1", "_INBOX.1", null, "hello"));
        assertThat(publisher.received()).singleElement().isInstanceOf(OutboundEvent.Info.class);
    }

    @Test
    void theProductionSecurityDecidesTheConnect() throws InterruptedException {
        InMemoryListener listener = start(ServerSettings.builder()
                .authorization(authorization -> authorization.withUser("bob").withPassword("s3cret")).build());

        InMemoryClient intruder = listener.connect().connect(connect(false, "bob", "guess"));
        InMemoryClient bob = listener.connect().connect(connect(false, "bob", "s3cret")).ping();

        assertThat(intruder.received()).endsWith(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.AUTHENTICATION_VIOLATION));
        assertThat(intruder.session().isClosed()).isTrue();
        assertThat(bob.received()).endsWith(new OutboundEvent.Pong());
    }

    @Test
    void shutdownClosesTheClientsAndTheListenerStopsAccepting() throws InterruptedException {
        InMemoryListener listener = start(ServerSettings.defaults());
        InMemoryClient client = listener.connect().connect(connect(false, null, null));
        client.received();

        shutDownRunningTheClientsLoops();

        assertThat(client.received()).containsExactly(new OutboundEvent.Closed(CloseReason.SERVER_SHUTDOWN));
        assertThat(client.session().isClosed()).isTrue();
        assertThatIllegalStateException().isThrownBy(listener::connect);
    }

    /**
     * Shuts the server down on another thread while this one runs the clients' loops, as their event loops would
     * run while a server shuts down.
     */
    private void shutDownRunningTheClientsLoops() throws InterruptedException {
        Thread stopping = new Thread(server::shutdown, "in-memory-shutdown");
        stopping.start();
        while (stopping.isAlive()) {
            transport.listener().runPending();
            stopping.join(1);
        }
    }

    private static ConnectRequest connect(boolean verbose, String user, String pass) {
        return new ConnectRequest(verbose, false, null, null, user, pass, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
