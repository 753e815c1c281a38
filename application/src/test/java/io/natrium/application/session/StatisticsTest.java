package io.natrium.application.session;

import static io.natrium.application.session.SessionFixture.connection;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.testkit.memory.BytesMessage;
import io.natrium.testkit.memory.InMemoryClient;

import org.junit.jupiter.api.Test;

/** Message and byte counts per connection and server-wide, and the connection count. */
class StatisticsTest {

    private static final String HEADERS = "NATS/1.0\r\nX-Id: 42\r\n\r\n";

    private final SessionFixture fixture = SessionFixture.withDefaults();

    @Test
    void inboundMessagesAndBytesAreCountedPerConnectionAndServerWide() {
        InMemoryClient first = fixture.connect();
        InMemoryClient second = fixture.connect(Connect.quiet().headers(true));

        first.publish("foo", null, "hello").publish("foo", "reply", "world!");
        second.publish(new BytesMessage("bar", null, HEADERS, "abc"));

        assertThat(connection(first).inMessages()).isEqualTo(2);
        assertThat(connection(first).inBytes()).isEqualTo(11);
        assertThat(connection(second).inMessages()).isEqualTo(1);
        assertThat(connection(second).inBytes()).isEqualTo(HEADERS.length() + 3);
        assertThat(fixture.statistics().traffic().inMessages()).isEqualTo(3);
        assertThat(fixture.statistics().traffic().inBytes()).isEqualTo(11 + HEADERS.length() + 3);
    }

    @Test
    void inboundCountsAreAddedWhenTheReadEnds() {
        InMemoryClient client = fixture.connect();

        client.session().publish(new BytesMessage("foo", null, null, "12345"));
        client.session().publish(new BytesMessage("foo", null, null, "678"));
        assertThat(connection(client).inMessages()).isZero();
        assertThat(fixture.statistics().traffic().inMessages()).isZero();

        client.session().readBatchComplete();
        assertThat(connection(client).inMessages()).isEqualTo(2);
        assertThat(connection(client).inBytes()).isEqualTo(8);
        assertThat(fixture.statistics().traffic().inMessages()).isEqualTo(2);
        assertThat(fixture.statistics().traffic().inBytes()).isEqualTo(8);
    }

    @Test
    void outboundMessagesAndBytesAreCountedPerSubscriberAndServerWide() {
        InMemoryClient one = fixture.connect().subscribe("foo", null, "1").subscribe("foo.>", null, "2");
        InMemoryClient two = fixture.connect().subscribe("foo", null, "1");
        InMemoryClient publisher = fixture.connect();

        publisher.publish("foo", null, "hello").publish("foo.bar", null, "abc");

        assertThat(connection(one).outMessages()).isEqualTo(2);
        assertThat(connection(one).outBytes()).isEqualTo(8);
        assertThat(connection(two).outMessages()).isEqualTo(1);
        assertThat(connection(two).outBytes()).isEqualTo(5);
        assertThat(connection(publisher).outMessages()).isZero();
        assertThat(fixture.statistics().traffic().outMessages()).isEqualTo(3);
        assertThat(fixture.statistics().traffic().outBytes()).isEqualTo(13);
    }

    @Test
    void aSubscriberCountsHeaderBytesOnlyWhenItReceivesTheHeaders() {
        InMemoryClient plain = fixture.connect().subscribe("foo", null, "1");
        InMemoryClient headered = fixture.connect(Connect.quiet().headers(true)).subscribe("foo", null, "1");
        InMemoryClient publisher = fixture.connect(Connect.quiet().headers(true));

        publisher.publish(new BytesMessage("foo", null, HEADERS, "payload"));

        assertThat(connection(plain).outBytes()).isEqualTo(7);
        assertThat(connection(headered).outBytes()).isEqualTo(HEADERS.length() + 7);
        assertThat(fixture.statistics().traffic().outMessages()).isEqualTo(2);
    }

    @Test
    void serverWideOutboundBytesCountTheWholeMessageForEveryDeliveryAsNatsServerDoes() {
        fixture.connect().subscribe("foo", null, "1");
        fixture.connect(Connect.quiet().headers(true)).subscribe("foo", null, "1");
        InMemoryClient publisher = fixture.connect(Connect.quiet().headers(true));

        publisher.publish(new BytesMessage("foo", null, HEADERS, "payload"));

        assertThat(fixture.statistics().traffic().outBytes()).isEqualTo(2L * (HEADERS.length() + 7));
    }

    @Test
    void messagesThatAreNotDeliveredAreNotCountedOut() {
        InMemoryClient client = fixture.connect(Connect.quiet().echo(false)).subscribe("foo", null, "1");

        client.publish("foo", null, "to myself").publish("nobody", null, "x");

        assertThat(connection(client).outMessages()).isZero();
        assertThat(fixture.statistics().traffic().outMessages()).isZero();
        assertThat(fixture.statistics().traffic().inMessages()).isEqualTo(2);
    }

    @Test
    void everyAcceptedConnectionIsCountedIncludingOnesTurnedAway() {
        SessionFixture limited = SessionFixture.with(settings -> settings.maxConnections(1));
        limited.open();
        limited.open();
        limited.open().disconnect();

        assertThat(limited.statistics().totalConnections()).isEqualTo(3);
        assertThat(limited.server().clients().size()).isEqualTo(1);
    }
}
