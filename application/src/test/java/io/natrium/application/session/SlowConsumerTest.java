package io.natrium.application.session;

import static io.natrium.application.session.Events.closed;
import static io.natrium.application.session.Events.messages;
import static io.natrium.application.session.Events.msg;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.testkit.memory.BytesMessage;
import io.natrium.testkit.memory.InMemoryClient;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A subscriber whose outbound cannot take more is closed as a slow consumer without an error, the others keep
 * receiving, and the publisher is slowed down once a delivery passes 75% of a subscriber's limit.
 */
class SlowConsumerTest {

    /** What one message of a {@link #burst} takes on the subscriber's wire: {@code MSG foo 1 2\r\nm0\r\n}. */
    private static final int MESSAGE = 17;

    private final SessionFixture fixture = SessionFixture.withDefaults();

    @Test
    void aSubscriberThatCannotKeepUpIsClosedAndTheOthersGetEveryMessage() {
        InMemoryClient slow = SessionFixture.connected(fixture.open(4 * MESSAGE), Connect.quiet())
                .subscribe("foo", null, "1");
        InMemoryClient healthy = fixture.connect().subscribe("foo", null, "2");
        InMemoryClient publisher = fixture.connect();

        SessionFixture.publishInOneRead(publisher, burst(6));

        assertThat(slow.received()).containsExactly(closed(CloseReason.SLOW_CONSUMER_PENDING_BYTES));
        assertThat(healthy.received()).containsExactlyElementsOf(
                IntStream.range(0, 6).mapToObj(i -> msg("foo", "2", "m" + i)).toList());
        assertThat(publisher.session().isClosed()).isFalse();
    }

    @Test
    void theSlowConsumerIsCountedOnceWhenItsTransportCloseIsReported() {
        InMemoryClient slow = SessionFixture.connected(fixture.open(2 * MESSAGE), Connect.quiet())
                .subscribe("foo", null, "1");
        InMemoryClient healthy = fixture.connect().subscribe("foo", null, "2");
        InMemoryClient publisher = fixture.connect();

        SessionFixture.publishInOneRead(publisher, burst(5));
        assertThat(fixture.statistics().slowConsumers()).as("closing, not yet closed").isZero();
        SessionFixture.publishInOneRead(publisher, burst(3));

        slow.runPending();
        assertThat(fixture.statistics().slowConsumers()).isEqualTo(1);
        assertThat(fixture.server().clients().get(SessionFixture.connection(slow).id())).isNull();

        publisher.publish("foo", null, "after");
        assertThat(fixture.statistics().slowConsumers()).isEqualTo(1);
        assertThat(messages(healthy.received())).hasSize(9);
        assertThat(slow.received()).containsExactly(closed(CloseReason.SLOW_CONSUMER_PENDING_BYTES));
    }

    @Test
    void messagesDroppedForTheSlowConsumerAreNotCountedOut() {
        InMemoryClient slow = SessionFixture.connected(fixture.open(2 * MESSAGE), Connect.quiet())
                .subscribe("foo", null, "1");
        InMemoryClient publisher = fixture.connect();

        SessionFixture.publishInOneRead(publisher, burst(5));

        assertThat(SessionFixture.connection(slow).outMessages()).isEqualTo(2);
        assertThat(fixture.statistics().traffic().outMessages()).isEqualTo(2);
    }

    @Test
    void theLimitIsInBytesNotMessages() {
        InMemoryClient slow = SessionFixture.connected(fixture.open(100), Connect.quiet()).subscribe("foo", null, "1");
        InMemoryClient publisher = fixture.connect();

        publisher.publish("foo", null, "x".repeat(84));
        assertThat(messages(slow.received())).as("MSG foo 1 84: 100 bytes with its line, fits").hasSize(1);
        publisher.publish("foo", null, "x".repeat(85));

        assertThat(slow.received()).containsExactly(closed(CloseReason.SLOW_CONSUMER_PENDING_BYTES));
        assertThat(fixture.statistics().slowConsumers()).as("until its loop reports the close").isZero();
        slow.runPending();
        assertThat(fixture.statistics().slowConsumers()).isEqualTo(1);
    }

    @Test
    void otherCloseReasonsAreNotSlowConsumers() {
        InMemoryClient client = fixture.connect();

        client.disconnect();

        assertThat(fixture.statistics().slowConsumers()).isZero();
    }

    @ParameterizedTest(name = "{0} messages into a limit of 8 messages' bytes: slowed down {1}")
    @CsvSource({"1, false", "6, false", "7, true", "8, true"})
    void thePublisherIsSlowedDownOncePastThreeQuartersOfASubscribersLimit(int messages, boolean slowedDown) {
        InMemoryClient subscriber =
                SessionFixture.connected(fixture.open(8 * MESSAGE), Connect.quiet()).subscribe("foo", null, "1");
        InMemoryClient publisher = fixture.connect();

        SessionFixture.publishInOneRead(publisher, burst(messages));

        long expectedPause = slowedDown ? Duration.ofMillis(2).toNanos() : 0;
        assertThat(publisher.outbound().pausedNanos()).as("one pause per read").isEqualTo(expectedPause);
        assertThat(subscriber.outbound().pausedNanos()).isZero();
        assertThat(fixture.statistics().stalls()).isEqualTo(slowedDown ? 1 : 0);
        assertThat(messages(subscriber.received())).hasSize(messages);
        assertThat(subscriber.session().isClosed()).isFalse();
    }

    @Test
    void theSlowDownIsAskedForAgainInALaterRead() {
        SessionFixture.connected(fixture.open(8 * MESSAGE), Connect.quiet()).subscribe("foo", null, "1");
        InMemoryClient publisher = fixture.connect();

        SessionFixture.publishInOneRead(publisher, burst(7));
        SessionFixture.publishInOneRead(publisher, burst(1));
        SessionFixture.publishInOneRead(publisher, burst(7));

        assertThat(publisher.outbound().pausedNanos()).isEqualTo(Duration.ofMillis(4).toNanos());
        assertThat(fixture.statistics().stalls()).isEqualTo(2);
    }

    private static BytesMessage[] burst(int count) {
        return IntStream.range(0, count).mapToObj(i -> new BytesMessage("foo", null, null, "m" + i))
                .toArray(BytesMessage[]::new);
    }
}
