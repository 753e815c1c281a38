package io.natrium.application.session;

import static io.natrium.application.session.Events.err;
import static io.natrium.application.session.Events.msg;
import static io.natrium.application.session.Events.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.testkit.memory.InMemoryClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-connection limits from the settings: subscriptions, subject tokens, payload and control line. */
class SessionLimitsTest {

    @Test
    void overMaxSubscriptionsTheSubscriptionIsRefusedAndTheConnectionStaysOpen() {
        SessionFixture fixture = SessionFixture.with(settings -> settings.maxSubscriptions(2));
        InMemoryClient client = fixture.connect(Connect.empty());

        client.subscribe("a", null, "1").subscribe("b", null, "2").subscribe("c", null, "3");

        assertThat(client.received()).containsExactly(ok(), ok(), err("maximum subscriptions exceeded"));
        assertThat(client.session().isClosed()).isFalse();
        assertThat(fixture.globalClientSubscriptions()).isEqualTo(2);
        fixture.connect().publish("c", null, "x");
        assertThat(client.received()).isEmpty();
    }

    @Test
    void aSubscriptionFreedByUnsubscribeCanBeTakenAgain() {
        SessionFixture fixture = SessionFixture.with(settings -> settings.maxSubscriptions(1));
        InMemoryClient client = fixture.connect().subscribe("a", null, "1");

        client.unsubscribe("1", -1).subscribe("c", null, "3");
        fixture.connect().publish("c", null, "x");

        assertThat(client.received()).containsExactly(msg("c", "3", "x"));
    }

    @Test
    void atTheLimitEvenARepeatedSidIsRefused() {
        SessionFixture fixture = SessionFixture.with(settings -> settings.maxSubscriptions(1));
        InMemoryClient client = fixture.connect(Connect.empty().verbose(true)).subscribe("a", null, "1");
        client.received();

        client.subscribe("a", null, "1");

        assertThat(client.received()).containsExactly(err("maximum subscriptions exceeded"));
    }

    @Test
    void zeroMaxSubscriptionsIsNoLimit() {
        SessionFixture fixture = SessionFixture.with(settings -> settings.maxSubscriptions(0));
        InMemoryClient client = fixture.connect();

        for (int i = 0; i < 100; i++) {
            client.subscribe("s." + i, null, Integer.toString(i));
        }

        assertThat(client.received()).isEmpty();
        assertThat(fixture.globalClientSubscriptions()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a.b.c     | Permissions Violation for Subscription to \"a.b.c\", too many tokens",
            "a.*.>     | Permissions Violation for Subscription to \"a.*.>\", too many tokens",
            "a.\"b\".c | Permissions Violation for Subscription to \"a.\\\"b\\\".c\", too many tokens"})
    void overMaxSubTokensTheSubscriptionIsRefusedAndTheConnectionStaysOpen(String subject, String error) {
        SessionFixture fixture = SessionFixture.with(settings -> settings.maxSubTokens(2));
        InMemoryClient client = fixture.connect(Connect.empty());

        client.subscribe(subject, null, "1");

        assertThat(client.received()).containsExactly(err(error));
        assertThat(client.session().isClosed()).isFalse();
        assertThat(fixture.globalClientSubscriptions()).isZero();
        client.subscribe("a.b", null, "1");
        assertThat(client.received()).containsExactly(ok());
    }

    @Test
    void theTokenLimitAppliesToQueueSubscriptionsToo() {
        SessionFixture fixture = SessionFixture.with(settings -> settings.maxSubTokens(1));
        InMemoryClient client = fixture.connect();

        client.subscribe("a.b", "q", "1");

        assertThat(client.received())
                .containsExactly(err("Permissions Violation for Subscription to \"a.b\", too many tokens"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void withinTheTokenLimitOrWithoutOneSubscribingWorks(int maxSubTokens) {
        SessionFixture fixture = SessionFixture.with(settings -> settings.maxSubTokens(maxSubTokens));
        InMemoryClient client = fixture.connect(Connect.empty());

        client.subscribe("a.b.c", null, "1");

        assertThat(client.received()).containsExactly(ok());
    }

    @Test
    void theTokenLimitIsCheckedBeforeTheSubscriptionLimit() {
        SessionFixture fixture = SessionFixture.with(settings -> settings.maxSubTokens(1).maxSubscriptions(1));
        InMemoryClient client = fixture.connect().subscribe("a", null, "1");

        client.subscribe("a.b", null, "2");

        assertThat(client.received())
                .containsExactly(err("Permissions Violation for Subscription to \"a.b\", too many tokens"));
    }

    @Test
    void theSessionReportsThePayloadAndControlLineLimits() {
        SessionFixture fixture = SessionFixture.with(settings -> settings.maxPayload(1234).maxControlLine(567));
        InMemoryClient client = fixture.open();

        assertThat(client.session().maxPayload()).isEqualTo(1234);
        assertThat(client.session().maxControlLine()).isEqualTo(567);
        assertThat(client.session().admitBeforeConnect()).isTrue();
        assertThat(fixture.server().info().maxPayload()).isEqualTo(1234);
    }
}
