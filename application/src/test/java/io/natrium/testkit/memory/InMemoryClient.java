package io.natrium.testkit.memory;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectClientCommand;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.domain.auth.ConnectionType;

import java.util.List;

/**
 * One client on the in-memory transport: each call is one read from the wire (the session's
 * {@code readBatchComplete} follows it), and {@link #received()} returns what arrived since the last look.
 */
public final class InMemoryClient {

    private final ClientSession session;
    private final InMemoryOutbound outbound;
    private final ManualExecutor executor;

    private InMemoryClient(ClientSession session, InMemoryOutbound outbound, ManualExecutor executor) {
        this.session = session;
        this.outbound = outbound;
        this.executor = executor;
    }

    /** Connects a client whose outbound holds at most {@code maxQueued} unflushed events. */
    public static InMemoryClient connect(ConnectClientUseCase server, String host, int maxQueued) {
        InMemoryOutbound outbound = new InMemoryOutbound(maxQueued);
        ManualExecutor executor = new ManualExecutor();
        ClientSession session = server.connect(
                new ConnectClientCommand(host, 40000, executor, ConnectionType.STANDARD), outbound);
        return new InMemoryClient(session, outbound, executor);
    }

    public static InMemoryClient connect(ConnectClientUseCase server) {
        return connect(server, "127.0.0.1", Integer.MAX_VALUE);
    }

    public InMemoryClient connect(ConnectRequest request) {
        session.connect(request);
        return endOfRead();
    }

    public InMemoryClient publish(String subject, String reply, String payload) {
        return publish(new BytesMessage(subject, reply, null, payload));
    }

    public InMemoryClient publish(BytesMessage message) {
        session.checkPublishSubject(message.subject());
        session.publish(message);
        return endOfRead();
    }

    public InMemoryClient subscribe(String subject, String queue, String sid) {
        session.subscribe(subject, queue, sid);
        return endOfRead();
    }

    public InMemoryClient unsubscribe(String sid, long max) {
        session.unsubscribe(sid, max);
        return endOfRead();
    }

    public InMemoryClient ping() {
        session.ping();
        return endOfRead();
    }

    public InMemoryClient pong() {
        session.pong();
        return endOfRead();
    }

    /** The client went away; the session learns it as a transport close. */
    public void disconnect() {
        session.transportClosed(outbound.closeReason() == null ? CloseReason.CLIENT_CLOSED : outbound.closeReason());
    }

    /** Reports the close the outbound recorded back to the session, as the transport would. */
    public void completeClose() {
        if (outbound.closeReason() != null) {
            session.transportClosed(outbound.closeReason());
        }
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

    public ManualExecutor clock() {
        return executor;
    }

    private InMemoryClient endOfRead() {
        session.readBatchComplete();
        return this;
    }
}
