package io.natrium.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.monitoring.AccountExport;
import io.natrium.application.port.in.monitoring.AccountImport;
import io.natrium.application.port.in.monitoring.AccountInfo;
import io.natrium.application.port.in.monitoring.AccountStatistic;
import io.natrium.application.port.in.monitoring.ConnectionInfo;
import io.natrium.application.port.in.monitoring.ConnectionPage;
import io.natrium.application.port.in.monitoring.ConnectionQuery;
import io.natrium.application.port.in.monitoring.ConnectionState;
import io.natrium.application.port.in.monitoring.MappedDestination;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.SubscriptionInfo;
import io.natrium.application.port.in.monitoring.SubscriptionListing;
import io.natrium.application.port.in.monitoring.SubscriptionPage;
import io.natrium.application.port.in.monitoring.SubscriptionQuery;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.LatencySettings;
import io.natrium.application.settings.MappingDestination;
import io.natrium.application.settings.MappingSettings;
import io.natrium.application.settings.ResponseType;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.testkit.memory.BytesMessage;
import io.natrium.testkit.memory.InMemoryClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * /accountz, /accstatz, /connz and /subsz with configured accounts beside the global one: each account answers for
 * its own clients, subscriptions and traffic.
 */
class AccountMonitoringTest {

    private static final Instant STARTED = Instant.parse("2026-01-01T12:00:00Z");
    /**
     * nats-server's numbering: B's internal client first (B imports services), the system client, {@code $G}'s and
     * A's internal clients (for the system imports), the send queue's; then the clients.
     */
    private static final long B_INTERNAL = 1;
    private static final long FIRST = 6;
    private static final LatencySettings LATENCY = new LatencySettings(50, false, "lat.results");

    private final ServerContext server = new ServerContext(ServerSettings.builder().accounts(accounts()).build(),
            new ServerIdentity("NACCOUNTS", "accounts", "2.11.0", "java-test"), Runnable::run);
    private final ConnectClientService connectService = new ConnectClientService(server);
    private final MonitoringClock clock =
            new MonitoringClock(Clock.fixed(STARTED, ZoneOffset.UTC), new AtomicLong(1_000_000_000L)::get);
    private final AccountQueryService accounts = new AccountQueryService(server, clock);
    private final ConnectionQueryService connections = new ConnectionQueryService(server, clock);
    private final SubscriptionQueryService subscriptions = new SubscriptionQueryService(server, clock);

    /** A exports and maps, B imports from A. */
    private static AccountsSettings accounts() {
        AccountSettings a = new AccountSettings("A", null, List.of(user("a")),
                List.of(new ExportSettings(ExportKind.STREAM, "news.>", List.of(), ResponseType.SINGLETON,
                                Duration.ZERO, null, 0, false),
                        new ExportSettings(ExportKind.SERVICE, "help.>", List.of(), ResponseType.STREAM,
                                Duration.ZERO, null, 0, false),
                        new ExportSettings(ExportKind.SERVICE, "private", List.of("B"), ResponseType.SINGLETON,
                                Duration.ZERO, LATENCY, 0, false)),
                List.of(), null,
                List.of(new MappingSettings("in.>", List.of(new MappingDestination("out.>", 100, null))),
                        new MappingSettings("w.*", List.of(new MappingDestination("w1.$1", 60, null),
                                new MappingDestination("w2.$1", 30, null)))),
                AccountLimitSettings.unlimited(), null);
        AccountSettings b = new AccountSettings("B", null, List.of(user("b")), List.of(),
                List.of(new ImportSettings(ExportKind.SERVICE, "A", "help.>", null, "ahelp.>", false, false),
                        new ImportSettings(ExportKind.STREAM, "A", "news.>", "from_a", null, false, false),
                        new ImportSettings(ExportKind.SERVICE, "A", "private", null, null, true, false)),
                null, List.of(), AccountLimitSettings.unlimited(), null);
        return AccountsSettings.none().withAccounts(List.of(a, b));
    }

    /** The service imports nats-server 2.9.10 gives every account but the system account, as its /accountz shows. */
    private static List<AccountImport> systemImports(String account) {
        String connz = "$SYS.REQ.ACCOUNT." + account + ".CONNZ";
        return List.of(
                new AccountImport(ExportKind.SERVICE, "$SYS.REQ.ACCOUNT.PING.CONNZ", "$SYS", connz, null, false, false,
                        false, null),
                new AccountImport(ExportKind.SERVICE, "$SYS.REQ.SERVER.PING.CONNZ", "$SYS", connz, null, false, false,
                        false, null),
                new AccountImport(ExportKind.SERVICE, "$SYS.REQ.ACCOUNT.PING.STATZ", "$SYS",
                        "$SYS.REQ.ACCOUNT." + account + ".STATZ", null, false, false, false, null));
    }

    private static UserSettings user(String name) {
        return new UserSettings(name, name, null, null, Set.of(), false);
    }

    @Test
    void accountzListsEveryAccountAndDescribesEachOne() {
        InMemoryClient a = login("a").subscribe("foo", null, "1").subscribe("bar", null, "2");
        login("b").subscribe("foo", null, "1");

        assertThat(answer(accounts.accounts("")).names()).containsExactly("$G", "$SYS", "A", "B");
        assertThat(answer(accounts.accounts("")).systemAccount()).isEqualTo("$SYS");

        AccountInfo detailA = answer(accounts.accounts("A")).detail();
        assertThat(detailA.name()).isEqualTo("A");
        assertThat(detailA.updated()).isEqualTo(STARTED);
        assertThat(detailA.clientConnections()).isEqualTo(1);
        assertThat(detailA.subscriptions()).as("its clients' and its system imports'").isEqualTo(2 + 3);
        assertThat(detailA.sublist().numInserts()).isEqualTo(2 + 3);
        assertThat(detailA.mappings()).isEqualTo(Map.of(
                "in.>", List.of(new MappedDestination("out.>", 100, "")),
                "w.*", List.of(new MappedDestination("w.$1", 10, ""), new MappedDestination("w2.$1", 40, ""),
                        new MappedDestination("w1.$1", 100, ""))));
        assertThat(detailA.exports()).as("services first, then streams").containsExactly(
                new AccountExport(ExportKind.SERVICE, "help.>", ResponseType.STREAM, List.of(), null),
                new AccountExport(ExportKind.SERVICE, "private", ResponseType.SINGLETON, List.of("B"), LATENCY),
                new AccountExport(ExportKind.STREAM, "news.>", null, List.of(), null));
        assertThat(detailA.system()).isFalse();
        assertThat(detailA.imports()).as("the system imports nats-server adds").containsExactlyElementsOf(
                systemImports("A"));

        AccountInfo detailB = answer(accounts.accounts("B")).detail();
        assertThat(detailB.clientConnections()).isEqualTo(1);
        assertThat(detailB.subscriptions()).as("its client's, its 2 service imports' and its system imports'")
                .isEqualTo(1 + 2 + 3);
        assertThat(detailB.mappings()).isEmpty();
        assertThat(detailB.exports()).isEmpty();
        assertThat(detailB.imports()).as("streams first, then services").containsExactly(
                new AccountImport(ExportKind.STREAM, "news.>", "A", null, "from_a.news.>", false, false, false,
                        null),
                new AccountImport(ExportKind.SERVICE, "ahelp.>", "A", "help.>", null, false, false, false, null),
                new AccountImport(ExportKind.SERVICE, "private", "A", "private", null, false, true, false,
                        LATENCY),
                systemImports("B").get(0), systemImports("B").get(1), systemImports("B").get(2));

        AccountInfo global = answer(accounts.accounts("$G")).detail();
        assertThat(global.clientConnections()).isZero();
        assertThat(global.exports()).isEmpty();
        assertThat(global.imports()).containsExactlyElementsOf(systemImports("$G"));

        AccountInfo system = answer(accounts.accounts("$SYS")).detail();
        assertThat(system.system()).isTrue();
        assertThat(system.imports()).isEmpty();
        assertThat(system.exports()).containsExactly(
                new AccountExport(ExportKind.SERVICE, "$SYS.REQ.ACCOUNT.*.CONNZ", ResponseType.STREAM, List.of(), null),
                new AccountExport(ExportKind.SERVICE, "$SYS.REQ.ACCOUNT.*.STATZ", ResponseType.STREAM, List.of(), null),
                new AccountExport(ExportKind.SERVICE, "$SYS.DEBUG.SUBSCRIBERS", ResponseType.SINGLETON, List.of(),
                        null));

        a.disconnect();
        assertThat(answer(accounts.accounts("A")).detail().clientConnections()).isZero();
        assertThat(accounts.accounts("C")).isEqualTo(QueryResult.rejected("Account C does not exist"));
    }

    @Test
    void accstatzCountsEachAccountsOwnTraffic() {
        login("a").subscribe("foo", null, "1").subscribe("foo", null, "2");
        login("a").publish("foo", null, "abcd");
        login("b").subscribe("foo", null, "1");
        login("b").publish("foo", null, "xy").publish("foo", null, "z");

        assertThat(accounts.statistics(false).accounts()).containsExactly(
                new AccountStatistic("A", "", 2, 0, 2 + 3, 2, 8, 1, 4, 0),
                new AccountStatistic("B", "", 2, 0, 1 + 5, 2, 3, 2, 3, 0));
        assertThat(accounts.statistics(true).accounts()).extracting(AccountStatistic::account)
                .containsExactly("$G", "$SYS", "A", "B");
        assertThat(accounts.statistics(true).accounts().get(0)).isEqualTo(
                new AccountStatistic("$G", "", 0, 0, 3, 0, 0, 0, 0, 0));
    }

    @Test
    void aSlowConsumerCountsForItsAccount() {
        long twoMessages = 2 * "MSG foo 1 2\r\nm0\r\n".length();
        InMemoryClient slow = InMemoryClient.connect(connectService, "127.0.0.1", twoMessages)
                .connect(credentials("b")).subscribe("foo", null, "1");
        InMemoryClient publisher = login("b");
        publisher.read(session -> {
            for (int i = 0; i < 5; i++) {
                session.publish(new BytesMessage("foo", null, null, "m" + i));
            }
        });
        slow.runPending();

        assertThat(accounts.statistics(true).accounts()).extracting(AccountStatistic::account,
                AccountStatistic::slowConsumers).containsExactly(
                        Tuple.tuple("$G", 0L), Tuple.tuple("$SYS", 0L), Tuple.tuple("A", 0L),
                        Tuple.tuple("B", 1L));
        assertThat(slow.outbound().closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER_PENDING_BYTES);
    }

    @Test
    void connzFiltersByAccountAndNamesItWithAuth() {
        login("a").subscribe("foo", null, "1").subscribe("bar", null, "2");
        login("b").subscribe("baz", null, "7");
        login("a");

        ConnectionPage ofA = answer(connections.connections(query(false, "A")));
        assertThat(ofA.serverId()).isEqualTo("NACCOUNTS");
        assertThat(ofA.total()).isEqualTo(2);
        assertThat(ofA.connections()).extracting(ConnectionInfo::cid).containsExactly(FIRST, FIRST + 2);
        assertThat(ofA.connections()).extracting(ConnectionInfo::account).as("only with auth").containsOnly("");
        assertThat(ofA.connections().get(0).subscriptionCount()).isEqualTo(2);

        ConnectionPage withAuth = answer(connections.connections(query(true, "")));
        assertThat(withAuth.connections()).extracting(ConnectionInfo::account).containsExactly("A", "B", "A");
        assertThat(withAuth.connections()).extracting(ConnectionInfo::authorizedUser)
                .containsExactly("a", "b", "a");
        assertThat(withAuth.connections().get(1).subscriptionSubjects()).as("from B's sublist")
                .containsExactly("baz");

        ConnectionPage global = answer(connections.connections(query(true, "$G")));
        assertThat(global.total()).isZero();
        assertThat(global.connections()).isEmpty();

        ConnectionPage unknown = answer(connections.connections(query(true, "NOPE")));
        assertThat(unknown.serverId()).as("nats-server answers before filling in its id").isEmpty();
        assertThat(unknown.connections()).isNull();
    }

    @Test
    void subszAddsUpEveryAccountOrShowsTheOneAskedFor() {
        login("a").subscribe("foo", null, "1").subscribe("bar", "q", "2");
        login("b").subscribe("foo", null, "1");

        SubscriptionPage all = answer(subscriptions.subscriptions(new SubscriptionQuery(true, 0, 0, "", "")));
        // The clients' 3 and the imports' 11: 3 system imports in each of $G, A and B, and B's 2 service imports.
        assertThat(all.statistics().numSubscriptions()).isEqualTo(3 + 11);
        assertThat(all.total()).isEqualTo(3 + 11);
        assertThat(all.subscriptions()).filteredOn(info -> info.clientId() >= FIRST)
                .extracting(SubscriptionInfo::account)
                .containsExactlyInAnyOrder("A", "A", "B");

        SubscriptionPage ofB = answer(subscriptions.subscriptions(new SubscriptionQuery(true, 0, 0, "", "B")));
        assertThat(ofB.statistics().numSubscriptions()).isEqualTo(1 + 5);
        assertThat(ofB.subscriptions()).as("the imports' in order of definition, numbered as nats-server numbers them")
                .containsExactlyInAnyOrder(new SubscriptionInfo("B", "foo", null, "1", 0, 0, FIRST + 1),
                        new SubscriptionInfo("B", "ahelp.>", null, "1", 0, 0, B_INTERNAL),
                        new SubscriptionInfo("B", "private", null, "2", 0, 0, B_INTERNAL),
                        new SubscriptionInfo("B", "$SYS.REQ.ACCOUNT.PING.CONNZ", null, "3", 0, 0, B_INTERNAL),
                        new SubscriptionInfo("B", "$SYS.REQ.SERVER.PING.CONNZ", null, "4", 0, 0, B_INTERNAL),
                        new SubscriptionInfo("B", "$SYS.REQ.ACCOUNT.PING.STATZ", null, "5", 0, 0, B_INTERNAL));

        SubscriptionPage statsOfA = answer(subscriptions.subscriptions(new SubscriptionQuery(false, 0, 0, "", "A")));
        assertThat(statsOfA.statistics().numSubscriptions()).isEqualTo(2 + 3);
        assertThat(statsOfA.subscriptions()).isNull();

        SubscriptionPage tested = answer(subscriptions.subscriptions(new SubscriptionQuery(true, 0, 0, "foo", "")));
        assertThat(tested.subscriptions()).extracting(SubscriptionInfo::account).containsExactlyInAnyOrder("A", "B");

        SubscriptionPage unknown = answer(subscriptions.subscriptions(new SubscriptionQuery(true, 0, 0, "", "C")));
        assertThat(unknown.statistics().numSubscriptions()).isZero();
        assertThat(unknown.subscriptions()).isEmpty();
    }

    private static ConnectionQuery query(boolean auth, String account) {
        return new ConnectionQuery("", auth, SubscriptionListing.SUBJECTS, 0, 0, 0, ConnectionState.OPEN, "",
                account, "");
    }

    private InMemoryClient login(String user) {
        return InMemoryClient.connect(connectService).connect(credentials(user));
    }

    private static ConnectRequest credentials(String user) {
        return new ConnectRequest(false, false, null, null, user, user, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static <T> T answer(QueryResult<T> result) {
        assertThat(result).isInstanceOf(QueryResult.Answer.class);
        return ((QueryResult.Answer<T>) result).value();
    }
}
