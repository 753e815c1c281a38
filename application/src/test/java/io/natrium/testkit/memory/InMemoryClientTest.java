package io.natrium.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectClientCommand;
import io.natrium.application.port.ProxyHeader;
import io.natrium.application.port.TlsHandshake;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.ProtocolError;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.subject.SubjectView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * The in-memory transport drives a session as the TCP transport does: reads on the connection's own loop, closes
 * reported back by the transport on a later turn of that loop, work from elsewhere queued for it.
 */
class InMemoryClientTest {

    private final List<String> calls = new ArrayList<>();
    private RecordingSession session;
    private ClientOutbound outbound;
    private SessionExecutor executor;

    private InMemoryClient connect(Consumer<ClientOutbound> atConnect) {
        return InMemoryClient.connect((command, out) -> {
            outbound = out;
            executor = command.executor();
            session = new RecordingSession(command);
            atConnect.accept(out);
            return session;
        }, "192.0.2.7", Long.MAX_VALUE);
    }

    private InMemoryClient connect() {
        return connect(out -> { });
    }

    @Test
    void theConnectionIsAcceptedOnItsOwnLoop() {
        InMemoryClient client = connect(out -> session.record("accepted"));

        assertThat(calls).containsExactly("accepted (loop)");
        assertThat(session.command.remoteHost()).isEqualTo("192.0.2.7");
        assertThat(session.command.remotePort()).isEqualTo(InMemoryClient.REMOTE_PORT);
        assertThat(session.command.executor()).isSameAs(client.clock());
        assertThat(client.session()).isSameAs(session);
        assertThat(outbound).isSameAs(client.outbound());
    }

    @Test
    void eachOperationIsOneReadOnTheClientsLoop() {
        InMemoryClient client = connect();

        client.subscribe("foo", null, "1").ping();

        assertThat(calls).containsExactly("subscribe foo 1 (loop)", "end of read (loop)", "ping (loop)",
                "end of read (loop)");
    }

    @Test
    void aCloseDuringAReadIsReportedByTheTransportAfterTheRead() {
        InMemoryClient client = connect();
        session.onPing = () -> outbound.close(CloseReason.PROTOCOL_VIOLATION);

        client.ping();

        assertThat(calls).containsExactly("ping (loop)", "end of read (loop)", "closed: Protocol Violation (loop)");
        assertThat(client.received()).containsExactly(new OutboundEvent.Closed(CloseReason.PROTOCOL_VIOLATION));
    }

    @Test
    void aCloseAtConnectIsReportedBeforeConnectReturns() {
        connect(out -> out.close(CloseReason.MAX_CONNECTIONS_EXCEEDED));

        assertThat(calls).containsExactly("closed: Maximum Connections Exceeded (loop)");
    }

    @Test
    void aCloseFromAnotherConnectionIsReportedWhenTheClientsLoopRuns() {
        InMemoryClient client = connect();
        ManualExecutor publisher = new ManualExecutor();

        publisher.run(() -> outbound.close(CloseReason.SLOW_CONSUMER_PENDING_BYTES));

        assertThat(calls).as("not inside the publisher's call").isEmpty();
        assertThat(client.clock().pendingTasks()).isEqualTo(1);
        client.runPending();
        assertThat(calls).containsExactly("closed: Slow Consumer (Pending Bytes) (loop)");
    }

    @Test
    void workHandedOverBeforeAReadRunsBeforeIt() {
        InMemoryClient client = connect();
        executor.execute(() -> calls.add("handed over"));

        client.ping();

        assertThat(calls).containsExactly("handed over", "ping (loop)", "end of read (loop)");
    }

    @Test
    void aClientThatGoesAwayIsReportedOnceAsClientClosed() {
        InMemoryClient client = connect();

        client.disconnect();
        client.runUntilIdle();

        assertThat(calls).containsExactly("closed: Client Closed (loop)");
    }

    @Test
    void aClientThatGoesAwayAfterTheServerClosedIsReportedWithTheServersReason() {
        InMemoryClient client = connect();
        outbound.close(CloseReason.STALE_CONNECTION);

        client.disconnect();

        assertThat(calls).containsExactly("closed: Stale Connection (loop)");
    }

    @Test
    void onLoopRunsWithoutEndingARead() {
        InMemoryClient client = connect();

        client.onLoop(ClientSession::ping);

        assertThat(calls).containsExactly("ping (loop)");
    }

    /** Records each call and whether it came on the connection's loop. */
    private final class RecordingSession implements ClientSession {

        private final ConnectClientCommand command;
        private Runnable onPing = () -> { };
        private int transportClosed;

        RecordingSession(ConnectClientCommand command) {
            this.command = command;
        }

        private void record(String call) {
            calls.add(call + (((ManualExecutor) command.executor()).inLoop() ? " (loop)" : " (elsewhere)"));
        }

        @Override
        public int maxPayload() {
            return 1024;
        }

        @Override
        public int maxControlLine() {
            return 4096;
        }

        @Override
        public boolean acceptsHeaders() {
            return true;
        }

        @Override
        public boolean admitBeforeConnect() {
            return true;
        }

        @Override
        public void tlsHandshake(TlsHandshake step) {
            record("tls");
        }

        @Override
        public void proxyHeader(ProxyHeader header) {
            record("proxy");
        }

        @Override
        public void connect(ConnectRequest request) {
            record("connect");
        }

        @Override
        public void checkPublishSubject(SubjectView subject) {
        }

        @Override
        public void publish(InboundMessage message) {
            record("publish " + message.subject());
        }

        @Override
        public void subscribe(String subject, String queue, String sid) {
            record("subscribe " + subject + " " + sid);
        }

        @Override
        public void unsubscribe(String sid, long max) {
            record("unsubscribe " + sid);
        }

        @Override
        public void ping() {
            record("ping");
            onPing.run();
        }

        @Override
        public void pong() {
            record("pong");
        }

        @Override
        public void clientError(String text) {
            record("-ERR " + text);
        }

        @Override
        public void protocolError(ProtocolError error, String detail) {
            record("protocol error " + error);
        }

        @Override
        public void readBatchComplete() {
            record("end of read");
        }

        @Override
        public void transportClosed(CloseReason reason) {
            transportClosed++;
            record("closed: " + reason.text());
        }

        @Override
        public boolean isClosed() {
            return transportClosed > 0;
        }
    }
}
