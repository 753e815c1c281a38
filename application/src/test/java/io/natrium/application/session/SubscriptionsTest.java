package io.natrium.application.session;

import static io.natrium.application.session.Events.err;
import static io.natrium.application.session.Events.hmsg;
import static io.natrium.application.session.Events.msg;
import static io.natrium.application.session.Events.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.testkit.memory.InMemoryClient;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SUB, UNSUB and delivery to plain subscriptions. */
class SubscriptionsTest {

    private final SessionFixture fixture = SessionFixture.withDefaults();

    @Nested
    class Delivery {

        @Test
        void everyPlainSubscriberGetsACopy() {
            List<InMemoryClient> subscribers = IntStream.rangeClosed(1, 3)
                    .mapToObj(i -> fixture.connect().subscribe("foo", null, "s" + i)).toList();
            InMemoryClient publisher = fixture.connect();

            publisher.publish("foo", null, "hello");

            assertThat(subscribers.get(0).received()).containsExactly(msg("foo", "s1", "hello"));
            assertThat(subscribers.get(1).received()).containsExactly(msg("foo", "s2", "hello"));
            assertThat(subscribers.get(2).received()).containsExactly(msg("foo", "s3", "hello"));
            assertThat(publisher.received()).isEmpty();
        }

        @Test
        void twoMatchingSubscriptionsOfOneClientEachGetACopy() {
            InMemoryClient subscriber = fixture.connect().subscribe("foo.bar", null, "1").subscribe("foo.*", null, "2");

            fixture.connect().publish("foo.bar", null, "x");

            assertThat(subscriber.received()).containsExactlyInAnyOrder(msg("foo.bar", "1", "x"),
                    msg("foo.bar", "2", "x"));
        }

        @Test
        void theReplySubjectIsPassedOn() {
            InMemoryClient subscriber = fixture.connect().subscribe("service", null, "7");

            fixture.connect().publish("service", "_INBOX.abc", "request");

            assertThat(subscriber.received()).containsExactly(msg("service", "7", "_INBOX.abc", "request"));
        }

        @Test
        void anEmptyPayloadIsDelivered() {
            InMemoryClient subscriber = fixture.connect().subscribe("foo", null, "1");

            fixture.connect().publish("foo", null, "");

            assertThat(subscriber.received()).containsExactly(msg("foo", "1", ""));
        }

        @ParameterizedTest(name = "{0} on {1}: {2}")
        @CsvSource({
                "foo.bar,   foo.bar,     true",
                "foo.*,     foo.bar,     true",
                "*.bar,     foo.bar,     true",
                "*.*,       foo.bar,     true",
                "foo.>,     foo.bar,     true",
                "foo.>,     foo.bar.baz, true",
                ">,         foo,         true",
                "foo.*,     foo.bar.baz, false",
                "foo.>,     foo,         false",
                "foo,       foo.bar,     false",
                "foo*,      foobar,      false",
                "foo*,      foo*,        true",
                "*,         foo.bar,     false",
                "foo.bar,   foo.baz,     false"})
        void wildcardsMatchWholeTokens(String filter, String subject, boolean delivered) {
            InMemoryClient subscriber = fixture.connect().subscribe(filter, null, "1");

            fixture.connect().publish(subject, null, "x");

            if (delivered) {
                assertThat(subscriber.received()).containsExactly(msg(subject, "1", "x"));
            } else {
                assertThat(subscriber.received()).isEmpty();
            }
        }

        @Test
        void aClientGetsItsOwnMessagesByDefault() {
            InMemoryClient client = fixture.connect().subscribe("foo", null, "1");

            client.publish("foo", null, "mine");

            assertThat(client.received()).containsExactly(msg("foo", "1", "mine"));
        }

        @Test
        void echoFalseSuppressesOnlyTheClientsOwnDelivery() {
            InMemoryClient client = fixture.connect(Connect.quiet().echo(false)).subscribe("foo", null, "1");
            InMemoryClient other = fixture.connect().subscribe("foo", null, "2");

            client.publish("foo", null, "mine");
            assertThat(client.received()).isEmpty();
            assertThat(other.received()).containsExactly(msg("foo", "2", "mine"));

            other.publish("foo", null, "theirs");
            assertThat(client.received()).containsExactly(msg("foo", "1", "theirs"));
        }

        @Test
        void aSubscriberWithoutHeadersGetsThePayloadOnly() {
            InMemoryClient plain = fixture.connect().subscribe("foo", null, "1");
            InMemoryClient headered = fixture.connect(Connect.quiet().headers(true)).subscribe("foo", null, "2");
            InMemoryClient publisher = fixture.connect(Connect.quiet().headers(true));

            publisher.publish(SessionFixture.withHeaders("foo", "bar", "X-Id: 42\r\n", "payload"));

            assertThat(plain.received()).containsExactly(msg("foo", "1", "bar", "payload"));
            assertThat(headered.received()).containsExactly(
                    hmsg("foo", "2", "bar", "NATS/1.0\r\nX-Id: 42\r\n\r\n", "payload"));
        }

        @Test
        void headersAreStrippedWhenTheServerHasNoHeaderSupport() {
            SessionFixture noHeaders = SessionFixture.with(settings -> settings.noHeaderSupport(true));
            InMemoryClient subscriber = noHeaders.connect(Connect.quiet().headers(true)).subscribe("foo", null, "1");

            noHeaders.connect().publish(SessionFixture.withHeaders("foo", null, "A: b\r\n", "p"));

            assertThat(subscriber.received()).containsExactly(msg("foo", "1", "p"));
        }
    }

    @Nested
    class Subscribe {

        @Test
        void aDuplicateSidIsIgnoredButAcknowledged() {
            InMemoryClient client = fixture.connect(Connect.empty());
            client.subscribe("foo", null, "1");
            client.received();

            client.subscribe("bar", null, "1");
            assertThat(client.received()).containsExactly(ok());

            InMemoryClient publisher = fixture.connect();
            publisher.publish("bar", null, "x").publish("foo", null, "y");
            assertThat(client.received()).containsExactly(msg("foo", "1", "y"));
            assertThat(fixture.globalClientSubscriptions()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"foo..bar", ".foo", "foo.", "foo.>.bar", ">.foo", "."})
        void anInvalidSubjectIsAnErrorWithoutAcknowledgementAndTheConnectionStaysOpen(String subject) {
            InMemoryClient client = fixture.connect(Connect.empty());

            client.subscribe(subject, null, "1");
            assertThat(client.received()).containsExactly(err("Invalid Subject"));
            assertThat(client.session().isClosed()).isFalse();
            assertThat(fixture.globalClientSubscriptions()).isZero();

            client.subscribe("foo", null, "1");
            assertThat(client.received()).as("the sid is still free").containsExactly(ok());
        }

        @Test
        void anInvalidQueueSubscriptionIsAnErrorToo() {
            InMemoryClient client = fixture.connect(Connect.empty());

            client.subscribe("foo..bar", "q", "1");

            assertThat(client.received()).containsExactly(err("Invalid Subject"));
        }
    }

    @Nested
    class Unsubscribe {

        @Test
        void unsubscribeStopsDelivery() {
            InMemoryClient subscriber = fixture.connect().subscribe("foo", null, "1");
            InMemoryClient publisher = fixture.connect().publish("foo", null, "before");

            subscriber.unsubscribe("1", -1);
            publisher.publish("foo", null, "after");

            assertThat(subscriber.received()).containsExactly(msg("foo", "1", "before"));
            assertThat(fixture.globalClientSubscriptions()).isZero();
        }

        @Test
        void anUnknownSidIsIgnored() {
            InMemoryClient subscriber = fixture.connect().subscribe("foo", null, "1");

            subscriber.unsubscribe("2", -1);
            fixture.connect().publish("foo", null, "x");

            assertThat(subscriber.received()).containsExactly(msg("foo", "1", "x"));
        }

        @ParameterizedTest(name = "max {0}")
        @ValueSource(ints = {1, 2, 5})
        void withAMaximumTheSubscriptionEndsAfterExactlyThatManyMessages(int max) {
            InMemoryClient subscriber = fixture.connect().subscribe("foo", null, "1");
            subscriber.unsubscribe("1", max);
            InMemoryClient publisher = fixture.connect();

            for (int i = 1; i <= max + 3; i++) {
                publisher.publish("foo", null, "m" + i);
            }

            assertThat(subscriber.received()).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, max).mapToObj(i -> msg("foo", "1", "m" + i)).toList());
            assertThat(fixture.globalClientSubscriptions()).isZero();
        }

        @Test
        void theMaximumCountsWhatWasAlreadyDelivered() {
            InMemoryClient subscriber = fixture.connect().subscribe("foo", null, "1");
            InMemoryClient publisher = fixture.connect().publish("foo", null, "m1").publish("foo", null, "m2");

            subscriber.unsubscribe("1", 3);
            publisher.publish("foo", null, "m3").publish("foo", null, "m4");

            assertThat(subscriber.received()).containsExactly(msg("foo", "1", "m1"), msg("foo", "1", "m2"),
                    msg("foo", "1", "m3"));
        }

        @ParameterizedTest(name = "max {0} after 2 delivered")
        @ValueSource(ints = {0, 1, 2})
        void aMaximumAtOrBelowTheDeliveredCountRemovesAtOnce(int max) {
            InMemoryClient subscriber = fixture.connect().subscribe("foo", null, "1");
            InMemoryClient publisher = fixture.connect().publish("foo", null, "m1").publish("foo", null, "m2");
            subscriber.received();

            subscriber.unsubscribe("1", max);

            assertThat(fixture.globalClientSubscriptions()).isZero();
            publisher.publish("foo", null, "m3");
            assertThat(subscriber.received()).isEmpty();
        }

        @Test
        void maxZeroOnAFreshSubscriptionRemovesIt() {
            InMemoryClient subscriber = fixture.connect().subscribe("foo", null, "1");

            subscriber.unsubscribe("1", 0);
            fixture.connect().publish("foo", null, "x");

            assertThat(subscriber.received()).isEmpty();
        }

        @Test
        void theSidOfAnExpiredSubscriptionCanBeUsedAgain() {
            InMemoryClient subscriber = fixture.connect().subscribe("foo", null, "1");
            subscriber.unsubscribe("1", 1);
            InMemoryClient publisher = fixture.connect().publish("foo", null, "first");

            subscriber.subscribe("bar", null, "1");
            publisher.publish("foo", null, "not delivered").publish("bar", null, "second");

            assertThat(subscriber.received()).containsExactly(msg("foo", "1", "first"), msg("bar", "1", "second"));
        }

        @Test
        void aSubscriptionThatReachedItsMaximumNoLongerCountsAgainstTheLimit() {
            SessionFixture limited = SessionFixture.with(settings -> settings.maxSubscriptions(1));
            InMemoryClient subscriber = limited.connect(Connect.empty().verbose(true));
            subscriber.subscribe("foo", null, "1").unsubscribe("1", 1);
            subscriber.received();
            limited.connect().publish("foo", null, "x");

            subscriber.subscribe("bar", null, "2");

            assertThat(subscriber.received()).containsExactly(msg("foo", "1", "x"), ok());
        }
    }
}
