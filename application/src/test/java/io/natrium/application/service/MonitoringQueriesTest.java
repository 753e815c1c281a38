package io.natrium.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.monitoring.AccountInfo;
import io.natrium.application.port.in.monitoring.AccountStatistic;
import io.natrium.application.port.in.monitoring.Accounts;
import io.natrium.application.port.in.monitoring.HealthIssue;
import io.natrium.application.port.in.monitoring.HealthQuery;
import io.natrium.application.port.in.monitoring.HealthStatus;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.ServerStatus;
import io.natrium.application.port.in.monitoring.SubscriptionInfo;
import io.natrium.application.port.in.monitoring.SubscriptionPage;
import io.natrium.application.port.in.monitoring.SubscriptionQuery;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.settings.ServerSettings;
import io.natrium.testkit.memory.InMemoryClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The /varz, /healthz, /subsz, /accountz and /accstatz read models over in-memory connections. */
class MonitoringQueriesTest {

    /** The subscriptions nats-server's internal client of the global account holds for its system imports. */
    private static final int SYSTEM_IMPORTS = 3;
    /** nats-server's numbering: the system client 1, {@code $G}'s internal client 2, the send queue's 3. */
    private static final long GLOBAL_INTERNAL = 2;
    private static final long FIRST_CLIENT = 4;
    private static final Instant STARTED = Instant.parse("2026-01-01T12:00:00Z");
    private static final long CLOCK_ORIGIN = 1_000_000_000L;

    private final AtomicLong monotonic = new AtomicLong(CLOCK_ORIGIN);
    private final ServerContext server = new ServerContext(ServerSettings.builder().maxPayload(2048)
            .maxSubscriptions(9).pingInterval(Duration.ofSeconds(30)).build(),
            new ServerIdentity("NQUERY", "query", "2.11.0", "java-test"), Runnable::run);
    private final ConnectClientService connectService = new ConnectClientService(server);
    private final MonitoringClock clock = new MonitoringClock(Clock.fixed(STARTED, ZoneOffset.UTC), monotonic::get);
    private final ServerStatusService status = new ServerStatusService(server, clock);
    private final SubscriptionQueryService subscriptions = new SubscriptionQueryService(server, clock);
    private final AccountQueryService accounts = new AccountQueryService(server, clock);

    @Test
    void statusReportsIdentitySettingsAndCounters() {
        server.clientListenerBound("0.0.0.0", 4333);
        InMemoryClient subscriber = connected().subscribe("foo", null, "1").subscribe("bar", null, "2");
        connected().publish("foo", null, "hello");
        subscriber.disconnect();
        monotonic.addAndGet(Duration.ofSeconds(90).toNanos());

        ServerStatus varz = status.status();

        assertThat(varz.serverId()).isEqualTo("NQUERY");
        assertThat(varz.serverName()).isEqualTo("query");
        assertThat(varz.version()).isEqualTo("2.11.0");
        assertThat(varz.protocol()).isEqualTo(1);
        assertThat(varz.host()).isEqualTo("0.0.0.0");
        assertThat(varz.port()).isEqualTo(4333);
        assertThat(varz.limits().maxPayload()).isEqualTo(2048);
        assertThat(varz.limits().maxSubscriptions()).isEqualTo(9);
        assertThat(varz.limits().pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(varz.limits().authTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(varz.start()).isEqualTo(STARTED);
        assertThat(varz.configLoadTime()).as("loaded while starting").isEqualTo(STARTED);
        assertThat(varz.uptime()).isEqualTo(Duration.ofSeconds(90));
        assertThat(varz.connections()).isEqualTo(1);
        assertThat(varz.subscriptions()).as("the subscriptions of the global account's system imports")
                .isEqualTo(SYSTEM_IMPORTS);
        assertThat(varz.totals().totalConnections()).isEqualTo(2);
        assertThat(varz.totals().inMessages()).isEqualTo(1);
        assertThat(varz.totals().outBytes()).isEqualTo(5);
        assertThat(varz.systemAccount()).isEqualTo("$SYS");
    }

    @Test
    void healthIsOkOnceTheClientListenerIsUp() {
        assertThat(status.health(HealthQuery.defaults())).isEqualTo(new HealthStatus("error", 500,
                "failed to be ready for connections after 1ms: server", List.of()));
        server.clientListenerBound("0.0.0.0", 4222);
        assertThat(status.health(HealthQuery.defaults())).isEqualTo(new HealthStatus("ok", 200, "", List.of()));
        assertThat(status.health(new HealthQuery(true, true, true, "A", "S", "C", true)))
                .as("JetStream checks do not apply without JetStream")
                .isEqualTo(new HealthStatus("ok", 200, "", List.of()));
    }

    @Test
    void healthRefusesAStreamWithoutAccountOrAConsumerWithoutStream() {
        server.clientListenerBound("0.0.0.0", 4222);
        assertThat(status.health(new HealthQuery(false, false, false, "", "S", "", false))).isEqualTo(
                new HealthStatus("error", 400, "\"account\" must not be empty when checking stream health",
                        List.of()));
        assertThat(status.health(new HealthQuery(false, false, false, "A", "", "C", true))).isEqualTo(
                new HealthStatus("error", 400, "", List.of(new HealthIssue("BAD_REQUEST", "", "", "",
                        "\"stream\" must not be empty when checking consumer health"))));
    }

    @Test
    void subscriptionsAreListedFilteredAndPaged() {
        InMemoryClient client = connected().subscribe("foo.*", null, "1").subscribe("foo.bar", "q", "2")
                .subscribe("baz", null, "3");
        client.publish("foo.bar", null, "x");

        SubscriptionPage statsOnly = answer(SubscriptionQuery.defaults());
        assertThat(statsOnly.statistics().numSubscriptions()).isEqualTo(3 + SYSTEM_IMPORTS);
        assertThat(statsOnly.statistics().numMatches()).isEqualTo(1);
        assertThat(statsOnly.total()).as("nats-server counts only what it lists").isZero();
        assertThat(statsOnly.subscriptions()).isNull();
        assertThat(statsOnly.limit()).isEqualTo(1024);

        SubscriptionPage all = answer(new SubscriptionQuery(true, 0, 0, "", ""));
        assertThat(all.total()).isEqualTo(3 + SYSTEM_IMPORTS);
        assertThat(all.subscriptions()).containsExactlyInAnyOrder(
                new SubscriptionInfo("$G", "foo.*", null, "1", 1, 0, FIRST_CLIENT),
                new SubscriptionInfo("$G", "foo.bar", "q", "2", 1, 0, FIRST_CLIENT),
                new SubscriptionInfo("$G", "baz", null, "3", 0, 0, FIRST_CLIENT),
                new SubscriptionInfo("$G", "$SYS.REQ.ACCOUNT.PING.CONNZ", null, "1", 0, 0, GLOBAL_INTERNAL),
                new SubscriptionInfo("$G", "$SYS.REQ.SERVER.PING.CONNZ", null, "2", 0, 0, GLOBAL_INTERNAL),
                new SubscriptionInfo("$G", "$SYS.REQ.ACCOUNT.PING.STATZ", null, "3", 0, 0, GLOBAL_INTERNAL));
        assertThat(answer(new SubscriptionQuery(true, 0, 0, "$SYS.REQ.SERVER.PING.CONNZ", "")).subscriptions())
                .as("an import's subscription is found by its local subject")
                .extracting(SubscriptionInfo::sid).containsExactly("2");

        SubscriptionPage tested = answer(new SubscriptionQuery(true, 0, 0, "foo.bar", "$G"));
        assertThat(tested.subscriptions()).extracting(SubscriptionInfo::sid).containsExactlyInAnyOrder("1", "2");
        assertThat(tested.total()).isEqualTo(2);
        SubscriptionPage paged = answer(new SubscriptionQuery(true, 1, 1, "foo.bar", ""));
        assertThat(paged.subscriptions()).hasSize(1);
        assertThat(paged.total()).isEqualTo(2);

        SubscriptionPage otherAccount = answer(new SubscriptionQuery(true, 0, 0, "", "OTHER"));
        assertThat(otherAccount.subscriptions()).isEmpty();
        assertThat(otherAccount.statistics().numSubscriptions()).isZero();

        assertThat(subscriptions.subscriptions(new SubscriptionQuery(true, 0, 0, "foo.*", ""))).isEqualTo(
                QueryResult.rejected("invalid test subject, must be valid publish subject: foo.*"));
    }

    @Test
    void theGlobalAccountAndTheSystemAccountAreListed() {
        connected().subscribe("foo", null, "1").publish("foo", null, "abc");

        Accounts list = answer(accounts.accounts(""));
        assertThat(list.names()).containsExactly("$G", "$SYS");
        assertThat(list.detail()).isNull();
        assertThat(list.systemAccount()).isEqualTo("$SYS");

        AccountInfo global = answer(accounts.accounts("$G")).detail();
        assertThat(global.name()).isEqualTo("$G");
        assertThat(global.updated()).isEqualTo(STARTED);
        assertThat(global.complete()).isTrue();
        assertThat(global.clientConnections()).isEqualTo(1);
        assertThat(global.subscriptions()).isEqualTo(1 + SYSTEM_IMPORTS);
        assertThat(global.sublist().numInserts()).isEqualTo(1 + SYSTEM_IMPORTS);

        assertThat(accounts.accounts("NOPE")).isEqualTo(QueryResult.rejected("Account NOPE does not exist"));
    }

    @Test
    void accountStatisticsListOnlyAccountsInUseUnlessAsked() {
        assertThat(accounts.statistics(false).accounts()).isEmpty();
        assertThat(accounts.statistics(true).accounts()).extracting(AccountStatistic::account)
                .containsExactly("$G", "$SYS");

        connected().subscribe("foo", null, "1").publish("foo", null, "abc");

        assertThat(accounts.statistics(false).accounts()).containsExactly(
                new AccountStatistic("$G", "", 1, 0, 1 + SYSTEM_IMPORTS, 1, 3, 1, 3, 0));
    }

    private InMemoryClient connected() {
        return InMemoryClient.connect(connectService).connect(new ConnectRequest(false, false, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null));
    }

    private SubscriptionPage answer(SubscriptionQuery query) {
        return answer(subscriptions.subscriptions(query));
    }

    private static <T> T answer(QueryResult<T> result) {
        assertThat(result).isInstanceOf(QueryResult.Answer.class);
        return ((QueryResult.Answer<T>) result).value();
    }
}
