package io.natrium.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The recording outbound of the in-memory transport. */
class InMemoryOutboundTest {

    private final InMemoryOutbound outbound = new InMemoryOutbound(4);

    @Test
    void eventsArriveOnlyWhenFlushed() {
        outbound.sendOk();
        outbound.sendPing();
        assertThat(outbound.take()).isEmpty();
        assertThat(outbound.pendingBytes()).isEqualTo(2);

        outbound.flush();

        assertThat(outbound.take()).containsExactly(new OutboundEvent.Ok(), new OutboundEvent.Ping());
        assertThat(outbound.take()).as("taken once").isEmpty();
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
    void pastItsLimitItClosesAsASlowConsumerAndDropsWhatWasQueued() {
        BytesMessage message = new BytesMessage("foo", null, null, "x");
        SubjectView none = new SubjectView().wrap(new byte[0]);

        assertThat(outbound.deliver(message.subject(), sid("1"), none, message, false))
                .isEqualTo(DeliveryOutcome.DELIVERED);
        outbound.deliver(message.subject(), sid("1"), none, message, false);
        outbound.deliver(message.subject(), sid("1"), none, message, false);
        assertThat(outbound.deliver(message.subject(), sid("1"), none, message, false))
                .as("4 of 4 is past 75%").isEqualTo(DeliveryOutcome.DELIVERED_SLOW_DOWN);
        assertThat(outbound.deliver(message.subject(), sid("1"), none, message, false))
                .isEqualTo(DeliveryOutcome.DROPPED);

        assertThat(outbound.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
        assertThat(outbound.take()).containsExactly(new OutboundEvent.Closed(CloseReason.SLOW_CONSUMER_PENDING_BYTES));
    }

    @Test
    void anOrdinaryCloseFlushesFirstAndIsRecordedOnce() {
        outbound.sendError("bye");

        outbound.close(CloseReason.STALE_CONNECTION);
        outbound.close(CloseReason.CLIENT_CLOSED);
        outbound.sendOk();
        outbound.flush();

        assertThat(outbound.take()).containsExactly(new OutboundEvent.Err("bye"),
                new OutboundEvent.Closed(CloseReason.STALE_CONNECTION));
        assertThat(outbound.closeReason()).isEqualTo(CloseReason.STALE_CONNECTION);
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
}
