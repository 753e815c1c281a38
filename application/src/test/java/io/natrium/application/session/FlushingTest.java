package io.natrium.application.session;

import static io.natrium.application.session.Events.msg;
import static io.natrium.application.session.Events.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryCount;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.domain.subject.SubjectView;
import io.natrium.testkit.memory.BytesMessage;
import io.natrium.testkit.memory.InMemoryClient;

import org.junit.jupiter.api.Test;

/** Deliveries are queued during a read and every touched outbound is flushed once when the read ends. */
class FlushingTest {

    private final SessionFixture fixture = SessionFixture.withDefaults();

    @Test
    void nothingReachesASubscriberBeforeThePublishersReadEnds() {
        Counted subscriber = connect(Connect.quiet());
        subscriber.client().subscribe("foo", null, "1");
        Counted publisher = connect(Connect.quiet());
        resetCounts(subscriber, publisher);

        publisher.client().session().publish(new BytesMessage("foo", null, null, "a"));
        publisher.client().session().publish(new BytesMessage("foo", null, null, "b"));
        publisher.client().session().publish(new BytesMessage("foo", null, null, "c"));

        assertThat(subscriber.client().received()).isEmpty();
        assertThat(subscriber.outbound().flushes).isZero();

        publisher.client().session().readBatchComplete();

        assertThat(subscriber.client().received()).containsExactly(msg("foo", "1", "a"), msg("foo", "1", "b"),
                msg("foo", "1", "c"));
        assertThat(subscriber.outbound().flushes).isEqualTo(1);
        assertThat(publisher.outbound().flushes).as("nothing was queued for the publisher").isZero();
    }

    @Test
    void everyTouchedOutboundIsFlushedOnceAndUntouchedOnesNotAtAll() {
        Counted first = connect(Connect.quiet());
        first.client().subscribe("foo", null, "1").subscribe("foo.>", null, "2");
        Counted second = connect(Connect.quiet());
        second.client().subscribe("foo.*", null, "1");
        Counted bystander = connect(Connect.quiet());
        bystander.client().subscribe("bar", null, "1");
        Counted publisher = connect(Connect.empty().pedantic(false));
        resetCounts(first, second, bystander, publisher);

        SessionFixture.publishInOneRead(publisher.client(), new BytesMessage("foo", null, null, "x"),
                new BytesMessage("foo.bar", null, null, "y"), new BytesMessage("foo.baz", null, null, "z"));

        assertThat(first.outbound().flushes).isEqualTo(1);
        assertThat(second.outbound().flushes).isEqualTo(1);
        assertThat(bystander.outbound().flushes).isZero();
        assertThat(publisher.outbound().flushes).as("its +OKs").isEqualTo(1);
        assertThat(publisher.client().received()).containsExactly(ok(), ok(), ok());
        assertThat(first.client().received()).hasSize(3);
        assertThat(second.client().received()).hasSize(2);
    }

    @Test
    void eachReadFlushesAgain() {
        Counted subscriber = connect(Connect.quiet());
        subscriber.client().subscribe("foo", null, "1");
        Counted publisher = connect(Connect.quiet());
        resetCounts(subscriber);

        publisher.client().publish("foo", null, "a").publish("foo", null, "b");

        assertThat(subscriber.outbound().flushes).isEqualTo(2);
    }

    @Test
    void aReadWithoutDeliveriesFlushesNothing() {
        Counted client = connect(Connect.quiet());
        resetCounts(client);

        client.client().publish("nobody", null, "x").subscribe("foo", null, "1").unsubscribe("1", -1);

        assertThat(client.outbound().flushes).isZero();
    }

    private record Counted(InMemoryClient client, CountingOutbound outbound) {
    }

    /** A client whose outbound counts its flushes; INFO (and the CONNECT answer) already read. */
    private Counted connect(Connect options) {
        CountingOutbound[] counting = new CountingOutbound[1];
        InMemoryClient client = InMemoryClient.connect((command, outbound) -> {
            counting[0] = new CountingOutbound(outbound);
            return fixture.service().connect(command, counting[0]);
        });
        return new Counted(SessionFixture.connected(client, options), counting[0]);
    }

    private static void resetCounts(Counted... clients) {
        for (Counted client : clients) {
            client.outbound().flushes = 0;
        }
    }

    /** Passes everything on to the in-memory outbound and counts the flushes. */
    private static final class CountingOutbound implements ClientOutbound {

        private final ClientOutbound delegate;
        int flushes;

        CountingOutbound(ClientOutbound delegate) {
            this.delegate = delegate;
        }

        @Override
        public void sendInfo(ServerInfo info) {
            delegate.sendInfo(info);
        }

        @Override
        public void sendOk() {
            delegate.sendOk();
        }

        @Override
        public void sendPing() {
            delegate.sendPing();
        }

        @Override
        public void sendPong() {
            delegate.sendPong();
        }

        @Override
        public void sendError(String text) {
            delegate.sendError(text);
        }

        @Override
        public DeliveryOutcome deliver(SubjectView subject, byte[] sid, SubjectView reply, InboundMessage message,
                boolean withHeaders, DeliveryCount count) {
            return delegate.deliver(subject, sid, reply, message, withHeaders, count);
        }

        @Override
        public void sendNoResponders(SubjectView reply, byte[] sid, SubjectView subject) {
            delegate.sendNoResponders(reply, sid, subject);
        }

        @Override
        public void flush() {
            flushes++;
            delegate.flush();
        }

        @Override
        public void close(CloseReason reason) {
            delegate.close(reason);
        }

        @Override
        public long pendingBytes() {
            return delegate.pendingBytes();
        }

        @Override
        public void pauseReading(long nanos) {
            delegate.pauseReading(nanos);
        }

        @Override
        public long deliveredMessages() {
            return delegate.deliveredMessages();
        }

        @Override
        public long deliveredBytes() {
            return delegate.deliveredBytes();
        }

        @Override
        public void holdInput() {
            delegate.holdInput();
        }

        @Override
        public void resumeInput() {
            delegate.resumeInput();
        }
    }
}
