package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.TlsHandshake;
import io.natrium.application.port.TlsState;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The handler around the decoder: one read batch per read, and the close reason handed back to the session. */
class ClientConnectionHandlerTest {

    private final RecordingSession session = new RecordingSession();
    private final ProtocolChannel client = new ProtocolChannel(session);

    @Test
    void endsEveryReadWithOneReadBatch() {
        client.feed("PING\r\nPI");
        client.feed("NG\r\n");
        client.feed("PUB foo 1\r\nx\r\nPING\r\n");

        assertThat(session.readBatches()).isEqualTo(3);
        assertThat(session.calls()).containsExactly("PING", "PING", "PUB foo 1 [x]", "PING");
        client.close();
    }

    @Test
    void holdsWhatFollowsAConnectDecidedElsewhereAndDecodesItOnceInputResumes() {
        session.decidingConnectElsewhere(() -> client.outbound().holdInput());

        client.feed("CONNECT {}\r\nSUB foo 1\r\nPI");
        client.feed("NG\r\n");

        assertThat(session.calls()).containsExactly("CONNECT {}");
        assertThat(client.channel().config().isAutoRead()).isFalse();

        session.decided();
        client.outbound().resumeInput();

        assertThat(session.calls()).containsExactly("CONNECT {}", "SUB foo 1", "PING");
        assertThat(session.readBatches()).as("the held input is one more read").isEqualTo(3);
        assertThat(client.channel().config().isAutoRead()).isTrue();
        client.close();
    }

    @Test
    void handsTheTransportsTlsHandshakeStepsToTheSessionAndStopsThem() {
        TlsHandshake.Completed completed = new TlsHandshake.Completed(
                new TlsState("1.3", "TLS_AES_128_GCM_SHA256", java.util.List.of(), false));
        client.channel().pipeline().fireUserEventTriggered(new TlsHandshake.Started());
        client.channel().pipeline().fireUserEventTriggered(completed);

        assertThat(session.tlsSteps).containsExactly(new TlsHandshake.Started(), completed);
        client.close();
    }

    @Test
    void reportsAPeerThatWentAwayAsClientClosed() {
        client.channel().close();

        assertThat(session.transportClosed()).isEqualTo(CloseReason.CLIENT_CLOSED);
        client.close();
    }

    @Test
    void reportsTheReasonTheConnectionWasClosedWith() {
        client.outbound().close(CloseReason.MAX_PAYLOAD_EXCEEDED);
        client.channel().runPendingTasks();

        assertThat(client.channel().isOpen()).isFalse();
        assertThat(session.transportClosed()).isEqualTo(CloseReason.MAX_PAYLOAD_EXCEEDED);
        assertThat(client.finish()).isEqualTo(CloseReason.MAX_PAYLOAD_EXCEEDED);
    }

    @Test
    void closesOnAReadErrorWithReadError() {
        client.channel().pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
        client.channel().runPendingTasks();

        assertThat(session.transportClosed()).isEqualTo(CloseReason.READ_ERROR);
        assertThat(client.finish()).isEqualTo(CloseReason.READ_ERROR);
    }

    @Test
    void closesOnAnUnexpectedExceptionWithProtocolViolationAndReleasesTheInput() {
        session.onPublish(message -> {
            throw new IllegalStateException("boom");
        });

        client.feed("PUB foo 1\r\nx\r\nPING\r\n");
        client.channel().runPendingTasks();

        assertThat(session.transportClosed()).isEqualTo(CloseReason.PROTOCOL_VIOLATION);
        assertThat(client.finish()).isEqualTo(CloseReason.PROTOCOL_VIOLATION);
        // Not a second time when the channel decodes what it still holds as it closes.
        assertThat(session.calls()).containsExactly("PUB foo 1 [x]");
    }
}
