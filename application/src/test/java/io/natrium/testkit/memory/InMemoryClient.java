package io.natrium.testkit.memory;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectClientCommand;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One client on the in-memory transport, with its own event loop ({@link ManualExecutor}) that the test's thread
 * runs. Each operation is one read from the wire on that loop: the loop first runs what was queued for it, then the
 * read (ended by the session's {@code readBatchComplete}), then what the read queued. {@link #received()} returns what
 * arrived since the last look.
 *
 * <p>As with the TCP transport, the session learns of every close from the transport: when the outbound closes (the
 * session closing it, another connection cutting it as a slow consumer, the server shutting down), the close is
 * reported to the session on a later turn of its loop; when the client goes away ({@link #disconnect()}), at once.
 * Work other threads and other connections hand this connection waits for its loop: {@link #runPending()} (one
 * turn), {@link #runUntilIdle()}, any operation, or advancing its clock runs it.
 */
public final class InMemoryClient {

    /** The port every in-memory client connects from. */
    public static final int REMOTE_PORT = 40000;

    private final InMemoryOutbound outbound;
    private final ManualExecutor loop;
    private ClientSession session;

    private InMemoryClient(InMemoryOutbound outbound, ManualExecutor loop) {
        this.outbound = outbound;
        this.loop = loop;
    }

    /** Connects a client whose outbound holds at most {@code maxPendingBytes} unflushed bytes. */
    public static InMemoryClient connect(ConnectClientUseCase server, String host, long maxPendingBytes) {
        return connect(server, host, maxPendingBytes, ConnectionType.STANDARD);
    }

    /** Connects a client that came by {@code transport} (an MQTT client, say). */
    public static InMemoryClient connect(ConnectClientUseCase server, ConnectionType transport) {
        return connect(server, "127.0.0.1", Long.MAX_VALUE, transport);
    }

    private static InMemoryClient connect(ConnectClientUseCase server, String host, long maxPendingBytes,
            ConnectionType transport) {
        return connect(server, maxPendingBytes,
                loop -> new ConnectClientCommand(host, REMOTE_PORT, loop, transport));
    }

    /**
     * Connects a client from 127.0.0.1 that the transport already greeted with {@code greeting} (as a client of the
     * early port is, while the server starts).
     */
    public static InMemoryClient connectGreeted(ConnectClientUseCase server, ServerInfo greeting) {
        return connect(server, Long.MAX_VALUE, loop -> new ConnectClientCommand("127.0.0.1", REMOTE_PORT, loop,
                ConnectionType.STANDARD, ClientCredentials.none(), null, greeting));
    }

    private static InMemoryClient connect(ConnectClientUseCase server, long maxPendingBytes,
            Function<ManualExecutor, ConnectClientCommand> command) {
        InMemoryClient client = new InMemoryClient(new InMemoryOutbound(maxPendingBytes), new ManualExecutor());
        // The channel reports its close on a later turn of its event loop, never inside the call that closed it.
        client.outbound.whenClosed(reason -> client.loop.post(() -> client.session.transportClosed(reason)));
        client.loop.run(() -> client.session = server.connect(command.apply(client.loop), client.outbound));
        client.loop.runUntilIdle();
        return client;
    }

    /** Connects a client from 127.0.0.1 without a limit on its pending bytes. */
    public static InMemoryClient connect(ConnectClientUseCase server) {
        return connect(server, "127.0.0.1", Long.MAX_VALUE);
    }

    public InMemoryClient connect(ConnectRequest request) {
        return read(session -> session.connect(request));
    }

    public InMemoryClient publish(String subject, String reply, String payload) {
        return publish(new BytesMessage(subject, reply, null, payload));
    }

    public InMemoryClient publish(BytesMessage message) {
        return read(session -> {
            session.checkPublishSubject(message.subject());
            session.publish(message);
        });
    }

    public InMemoryClient subscribe(String subject, String queue, String sid) {
        return read(session -> session.subscribe(subject, queue, sid));
    }

    public InMemoryClient unsubscribe(String sid, long max) {
        return read(session -> session.unsubscribe(sid, max));
    }

    public InMemoryClient ping() {
        return read(ClientSession::ping);
    }

    public InMemoryClient pong() {
        return read(ClientSession::pong);
    }

    /**
     * One read from the wire holding whatever {@code operations} passes the session (several PUBs, say), on this
     * client's loop; the read ends with {@code readBatchComplete}.
     */
    public InMemoryClient read(Consumer<ClientSession> operations) {
        loop.runUntilIdle();
        loop.run(() -> {
            operations.accept(session);
            session.readBatchComplete();
        });
        loop.runUntilIdle();
        return this;
    }

    /**
     * Runs {@code work} on this client's loop without ending a read: what the session does between two operations
     * of one read, or a call the transport makes on the loop.
     */
    public InMemoryClient onLoop(Consumer<ClientSession> work) {
        loop.run(() -> work.accept(session));
        return this;
    }

    /**
     * One turn of this client's loop: runs what other threads and connections handed it so far (a close from the
     * server, a subscription's expiry, a CONNECT decided off the loop) and the close reports queued so far; what those
     * queue waits for the next turn.
     */
    public InMemoryClient runPending() {
        loop.runPending();
        return this;
    }

    /** Turns this client's loop until nothing is queued for it. */
    public InMemoryClient runUntilIdle() {
        loop.runUntilIdle();
        return this;
    }

    /**
     * The client went away: the transport sees its channel close and reports it to the session as
     * {@link CloseReason#CLIENT_CLOSED}, unless the server had started closing first, whose close (with its reason)
     * is reported instead, once.
     */
    public void disconnect() {
        loop.runUntilIdle();
        CloseReason first = outbound.peerClosed();
        if (first != null) {
            loop.run(() -> session.transportClosed(first));
        }
        loop.runUntilIdle();
    }

    public List<OutboundEvent> received() {
        return outbound.take();
    }

    public ClientSession session() {
        return session;
    }

    public InMemoryOutbound outbound() {
        return outbound;
    }

    /** The client's event loop and its manual clock. */
    public ManualExecutor clock() {
        return loop;
    }
}
