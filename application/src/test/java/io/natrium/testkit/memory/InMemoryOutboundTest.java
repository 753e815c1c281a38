package io.natrium.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The recording outbound of the in-memory transport. */
class InMemoryOutboundTest {

    /** {@code MSG foo 1 1\r\nx\r\n}. */
    private static final int MESSAGE = 16;
    private static final SubjectView NO_REPLY = new SubjectView().wrap(new byte[0]);

    private final InMemoryOutbound outbound = new InMemoryOutbound(4 * MESSAGE);
    private final List<CloseReason> reported = new ArrayList<>();

    InMemoryOutboundTest() {
        outbound.whenClosed(reported::add);
    }

    @Test
    void eventsArriveOnlyWhenFlushed() {
        outbound.sendOk();
        outbound.sendPing();
        assertThat(outbound.take()).isEmpty();
        assertThat(outbound.pendingEvents()).isEqualTo(2);

        outbound.flush();

        assertThat(outbound.take()).containsExactly(new OutboundEvent.Ok(), new OutboundEvent.Ping());
        assertThat(outbound.take()).as("taken once").isEmpty();
        assertThat(outbound.pendingEvents()).isZero();
    }

    @Test
    void pendingDataIsCountedInTheBytesItTakesOnTheWire() {
        BytesMessage plain = new BytesMessage("foo", null, null, "hi");
        BytesMessage replied = new BytesMessage("foo.bar", "_INBOX.1", null, "hello");
        BytesMessage headed = new BytesMessage("foo", null, "NATS/1.0\r\n\r\n", "hi");
        InMemoryOutbound unlimited = new InMemoryOutbound();

        unlimited.sendOk();
        unlimited.sendPing();
        unlimited.sendPong();
        unlimited.sendError("Unknown Protocol Operation");
        assertThat(unlimited.pendingBytes()).isEqualTo(wire("+OK\r\n", "PING\r\n", "PONG\r\n",
                "-ERR 'Unknown Protocol Operation'\r\n"));
        unlimited.flush();
        assertThat(unlimited.pendingBytes()).as("sent").isZero();

        unlimited.deliver(plain.subject(), sid("1"), plain.reply(), plain, false);
        unlimited.deliver(replied.subject(), sid("22"), replied.reply(), replied, false);
        unlimited.deliver(headed.subject(), sid("3"), headed.reply(), headed, true);
        unlimited.deliver(headed.subject(), sid("4"), headed.reply(), headed, false);
        unlimited.sendNoResponders(replied.reply(), sid("5"), replied.subject());

        assertThat(unlimited.pendingBytes()).isEqualTo(wire("MSG foo 1 2\r\nhi\r\n",
                "MSG foo.bar 22 _INBOX.1 5\r\nhello\r\n",
                "HMSG foo 3 12 14\r\nNATS/1.0\r\n\r\nhi\r\n",
                "MSG foo 4 2\r\nhi\r\n",
                "HMSG _INBOX.1 5 39 39\r\nNATS/1.0 503\r\nNats-Subject: foo.bar\r\n\r\n\r\n"));
        assertThat(unlimited.deliveredBytes()).as("payloads, with headers when taken").isEqualTo(2 + 5 + 14 + 2);
    }

    @Test
    void anInfoCountsOnlyItsFrame() {
        InMemoryOutbound unlimited = new InMemoryOutbound();

        unlimited.sendInfo(null);

        assertThat(unlimited.pendingBytes()).isEqualTo(InMemoryOutbound.INFO_FRAME_BYTES).isEqualTo(wire("INFO  \r\n"));
    }

    @Test
    void aDeliveryRecordsTheMessageWithOrWithoutHeaders() {
        BytesMessage message = new BytesMessage("foo", "bar", "NATS/1.0\r\n\r\n", "hi");

        outbound.deliver(message.subject(), sid("1"), message.reply(), message, true);
        outbound.deliver(message.subject(), sid("2"), message.reply(), message, false);
        outbound.flush();

        assertThat(outbound.take()).containsExactly(
                new OutboundEvent.Msg("foo", "1", "bar", "NATS/1.0\r\n\r\n", "hi"),
                new OutboundEvent.Msg("foo", "2", "bar", null, "hi"));
    }

    @Test
    void pastItsLimitInBytesItClosesAsASlowConsumerDropsWhatWasQueuedAndReportsTheClose() {
        BytesMessage message = new BytesMessage("foo", null, null, "x");

        assertThat(outbound.deliver(message.subject(), sid("1"), NO_REPLY, message, false))
                .isEqualTo(DeliveryOutcome.DELIVERED);
        outbound.deliver(message.subject(), sid("1"), NO_REPLY, message, false);
        assertThat(outbound.deliver(message.subject(), sid("1"), NO_REPLY, message, false))
                .as("48 of 64 bytes is not past 75%").isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(outbound.deliver(message.subject(), sid("1"), NO_REPLY, message, false))
                .as("64 of 64 bytes is past 75%").isEqualTo(DeliveryOutcome.DELIVERED_SLOW_DOWN);
        assertThat(reported).isEmpty();
        assertThat(outbound.deliver(message.subject(), sid("1"), NO_REPLY, message, false))
                .isEqualTo(DeliveryOutcome.DROPPED);

        assertThat(outbound.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
        assertThat(outbound.pendingBytes()).isZero();
        assertThat(outbound.take()).containsExactly(new OutboundEvent.Closed(CloseReason.SLOW_CONSUMER_PENDING_BYTES));
        assertThat(reported).containsExactly(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
    }

    @Test
    void oneMessageLargerThanTheLimitCutsTheClient() {
        BytesMessage large = new BytesMessage("foo", null, null, "x".repeat(4 * MESSAGE));

        assertThat(outbound.deliver(large.subject(), sid("1"), NO_REPLY, large, false))
                .isEqualTo(DeliveryOutcome.DROPPED);
        assertThat(reported).containsExactly(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
    }

    @Test
    void whatWasFlushedNoLongerCountsAgainstTheLimit() {
        BytesMessage message = new BytesMessage("foo", null, null, "x");

        for (int i = 0; i < 12; i++) {
            assertThat(outbound.deliver(message.subject(), sid("1"), NO_REPLY, message, false))
                    .isNotEqualTo(DeliveryOutcome.DROPPED);
            if (i % 3 == 2) {
                outbound.flush();
            }
        }

        assertThat(outbound.closeReason()).isNull();
        assertThat(outbound.take()).hasSize(12);
    }

    @Test
    void anOrdinaryCloseFlushesFirstAndIsRecordedAndReportedOnce() {
        outbound.sendError("bye");

        outbound.close(CloseReason.STALE_CONNECTION);
        outbound.close(CloseReason.CLIENT_CLOSED);
        outbound.sendOk();
        outbound.flush();

        assertThat(outbound.take()).containsExactly(new OutboundEvent.Err("bye"),
                new OutboundEvent.Closed(CloseReason.STALE_CONNECTION));
        assertThat(outbound.closeReason()).isEqualTo(CloseReason.STALE_CONNECTION);
        assertThat(reported).containsExactly(CloseReason.STALE_CONNECTION);
    }

    @Test
    void aPeerThatWentAwayTakesNothingMoreAndIsNotReportedByTheOutbound() {
        BytesMessage message = new BytesMessage("foo", null, null, "x");
        outbound.sendPing();

        assertThat(outbound.peerClosed()).isEqualTo(CloseReason.CLIENT_CLOSED);

        assertThat(outbound.deliver(message.subject(), sid("1"), NO_REPLY, message, false))
                .isEqualTo(DeliveryOutcome.DROPPED);
        outbound.close(CloseReason.SERVER_SHUTDOWN);
        outbound.flush();
        assertThat(outbound.take()).isEmpty();
        assertThat(outbound.pendingBytes()).isZero();
        assertThat(reported).as("the transport reports a peer's close itself").isEmpty();
    }

    @Test
    void aPeerThatGoesAwayAfterTheServerClosedLeavesTheReportToTheServersClose() {
        outbound.close(CloseReason.AUTHENTICATION_TIMEOUT);

        assertThat(outbound.peerClosed()).isNull();
        assertThat(reported).containsExactly(CloseReason.AUTHENTICATION_TIMEOUT);
    }

    @Test
    void pausesAddUp() {
        outbound.pauseReading(5);
        outbound.pauseReading(7);

        assertThat(outbound.pausedNanos()).isEqualTo(12);
    }

    private static byte[] sid(String sid) {
        return sid.getBytes(StandardCharsets.UTF_8);
    }

    private static long wire(String... frames) {
        long bytes = 0;
        for (String frame : frames) {
            bytes += frame.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }
}
