package io.natrium.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectClientCommand;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.monitoring.ConnectionInfo;
import io.natrium.application.port.in.monitoring.ConnectionPage;
import io.natrium.application.port.in.monitoring.ConnectionQuery;
import io.natrium.application.port.in.monitoring.ConnectionState;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.SubscriptionInfo;
import io.natrium.application.port.in.monitoring.SubscriptionListing;
import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.testkit.memory.InMemoryClient;
import io.natrium.testkit.memory.InMemoryOutbound;
import io.natrium.testkit.memory.ManualExecutor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** /connz's read model over in-memory connections on manual clocks. */
class ConnectionQueryServiceTest {

    private static final Instant STARTED = Instant.parse("2026-01-01T12:00:00Z");
    /**
     * The first client's id: nats-server numbers its internal clients first (the system client, {@code $G}'s and
     * the system send queue's in the default configuration).
     */
    private static final long FIRST = 4;

    /** Where every {@code ManualExecutor} clock starts. */
    private static final long CLOCK_ORIGIN = 1_000_000_000L;

    private final AtomicLong monotonic = new AtomicLong(CLOCK_ORIGIN);
    private final ServerContext server = new ServerContext(ServerSettings.defaults(),
            new ServerIdentity("NCONNZ", "connz", "2.11.0", "java-test"), Runnable::run);
    private final ConnectClientService connectService = new ConnectClientService(server);
    private final ConnectionQueryService service = new ConnectionQueryService(server,
            new MonitoringClock(Clock.fixed(STARTED, ZoneOffset.UTC), monotonic::get));

    @Test
    void describesAnOpenConnectionFromWhatItPublishes() {
        InMemoryClient client = InMemoryClient.connect(connectService);
        client.clock().advance(Duration.ofMillis(3));
        client.connect(connect("probe", "bob", ""));
        client.clock().advance(Duration.ofSeconds(1));
        client.subscribe("foo.*", null, "1").subscribe("bar", "q", "2");
        InMemoryClient publisher = connected("publisher");
        publisher.clock().advance(Duration.ofSeconds(2));
        publisher.publish("foo.x", null, "hello").publish("foo.y", null, "hi");
        monotonic.set(CLOCK_ORIGIN + Duration.ofSeconds(65).toNanos());

        ConnectionPage page = answer(ConnectionQuery.defaults());

        assertThat(page.serverId()).isEqualTo("NCONNZ");
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.offset()).isZero();
        assertThat(page.limit()).isEqualTo(1024);
        assertThat(page.connections()).extracting(ConnectionInfo::cid).containsExactly(FIRST, FIRST + 1);
        ConnectionInfo info = page.connections().get(0);
        assertThat(info.ip()).isEqualTo("127.0.0.1");
        assertThat(info.port()).isEqualTo(40000);
        assertThat(info.start()).isEqualTo(STARTED);
        assertThat(info.lastActivity()).as("a delivery is activity, at the publisher's time")
                .isEqualTo(STARTED.plusSeconds(2));
        assertThat(info.stop()).isNull();
        assertThat(info.reason()).isNull();
        assertThat(info.rtt()).isEqualTo(Duration.ofMillis(3));
        assertThat(info.uptime()).isEqualTo(Duration.ofSeconds(65));
        assertThat(info.idle()).isEqualTo(Duration.ofSeconds(63));
        assertThat(info.name()).isEqualTo("probe");
        assertThat(info.lang()).isEqualTo("java");
        assertThat(info.version()).isEqualTo("2.24.1");
        assertThat(info.subscriptionCount()).isEqualTo(2);
        assertThat(info.outMessages()).isEqualTo(2);
        assertThat(info.outBytes()).isEqualTo(7);
        assertThat(info.inMessages()).isZero();
        assertThat(info.authorizedUser()).as("only with auth").isEmpty();
        assertThat(info.subscriptionSubjects()).isNull();
        assertThat(info.subscriptions()).isNull();
        ConnectionInfo publisherInfo = page.connections().get(1);
        assertThat(publisherInfo.inMessages()).isEqualTo(2);
        assertThat(publisherInfo.inBytes()).isEqualTo(7);
        assertThat(publisherInfo.subscriptionCount()).isZero();
    }

    @Test
    void listsSubscriptionSubjectsOrDetailsWithoutTheirAccount() {
        InMemoryClient client = connected("subscriber");
        client.subscribe("foo.*", null, "1").subscribe("bar", "q", "2").unsubscribe("2", 5);
        connected("publisher").publish("foo.x", null, "hello");

        ConnectionInfo subjects = answer(query(SubscriptionListing.SUBJECTS, ConnectionState.OPEN)).connections()
                .get(0);
        ConnectionInfo detail = answer(query(SubscriptionListing.DETAIL, ConnectionState.OPEN)).connections().get(0);

        assertThat(subjects.subscriptionSubjects()).containsExactlyInAnyOrder("foo.*", "bar");
        assertThat(subjects.subscriptions()).isNull();
        assertThat(detail.subscriptionSubjects()).isNull();
        assertThat(detail.subscriptions()).containsExactlyInAnyOrder(
                new SubscriptionInfo(null, "foo.*", null, "1", 1, 0, FIRST),
                new SubscriptionInfo(null, "bar", "q", "2", 0, 5, FIRST));
        assertThat(answer(query(SubscriptionListing.DETAIL, ConnectionState.OPEN)).connections().get(1)
                .subscriptions()).as("a connection without subscriptions lists none").isNull();
    }

    @Test
    void keepsClosedConnectionsWithReasonStopAndSubscriptions() {
        InMemoryClient gone = connected("gone");
        gone.subscribe("foo", null, "7");
        gone.clock().advance(Duration.ofSeconds(10));
        gone.disconnect();
        InMemoryClient staying = connected("staying");
        staying.read(session -> session.clientError("bye"));
        connected("open");

        ConnectionPage closed = answer(query(SubscriptionListing.DETAIL, ConnectionState.CLOSED));
        ConnectionPage all = answer(query(SubscriptionListing.NONE, ConnectionState.ALL));
        ConnectionPage open = answer(ConnectionQuery.defaults());

        assertThat(closed.total()).isEqualTo(2);
        assertThat(closed.connections()).extracting(ConnectionInfo::cid).containsExactly(FIRST, FIRST + 1);
        ConnectionInfo first = closed.connections().get(0);
        assertThat(first.reason()).isEqualTo(CloseReason.CLIENT_CLOSED);
        assertThat(first.stop()).isEqualTo(STARTED.plusSeconds(10));
        assertThat(first.uptime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(first.idle()).isEqualTo(Duration.ofSeconds(10));
        assertThat(first.name()).isEqualTo("gone");
        assertThat(first.subscriptionCount()).isEqualTo(1);
        assertThat(first.subscriptions()).containsExactly(new SubscriptionInfo("$G", "foo", null, "7", 0, 0, FIRST));
        assertThat(closed.connections().get(1).reason()).isEqualTo(CloseReason.PARSE_ERROR);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.connections()).extracting(ConnectionInfo::cid)
                .containsExactly(FIRST, FIRST + 1, FIRST + 2);
        assertThat(open.connections()).extracting(ConnectionInfo::cid).containsExactly(FIRST + 2);
    }

    @Test
    void refusesWhatNatsServerRefuses() {
        assertThat(service.connections(sorted("nope", ConnectionState.OPEN)))
                .isEqualTo(QueryResult.rejected("invalid sorting option: nope"));
        for (ConnectionState state : new ConnectionState[] {ConnectionState.OPEN, ConnectionState.ALL}) {
            assertThat(service.connections(sorted("stop", state)))
                    .isEqualTo(QueryResult.rejected("sort by stop only valid on closed connections"));
            assertThat(service.connections(sorted("reason", state)))
                    .isEqualTo(QueryResult.rejected("sort by reason only valid on closed connections"));
        }
        assertThat(service.connections(sorted("stop", ConnectionState.CLOSED)))
                .isInstanceOf(QueryResult.Answer.class);
    }

    @Test
    void pagesAfterSorting() {
        for (int i = 0; i < 5; i++) {
            connected("c" + i);
        }
        assertThat(cids(paged(1, 2))).containsExactly(FIRST + 1, FIRST + 2);
        assertThat(cids(paged(4, 10))).containsExactly(FIRST + 4);
        assertThat(cids(paged(9, 10))).isEmpty();
        assertThat(cids(paged(-3, 2))).containsExactly(FIRST, FIRST + 1);
        assertThat(paged(-3, 0).offset()).isZero();
        assertThat(paged(0, 0).limit()).isEqualTo(1024);
        assertThat(paged(9, 10).total()).isEqualTo(5);
    }

    @Test
    void filtersByCidUserAccountAndMqttClient() {
        InMemoryClient bob = InMemoryClient.connect(connectService).connect(connect("bob's", "bob", ""));
        InMemoryClient token = InMemoryClient.connect(connectService).connect(connect("token", "", "secret"));
        bob.disconnect();
        connected("anonymous");

        ConnectionPage byCid = answer(new ConnectionQuery("", false, SubscriptionListing.NONE, 0, 0, FIRST + 1,
                ConnectionState.ALL, "", "", ""));
        assertThat(cids(byCid)).containsExactly(FIRST + 1);
        assertThat(byCid.limit()).isEqualTo(1);
        assertThat(byCid.total()).as("counted before the cid is looked up").isEqualTo(3);
        assertThat(cids(answer(new ConnectionQuery("", false, SubscriptionListing.NONE, 0, 0, FIRST,
                ConnectionState.ALL, "", "", "")))).as("a closed one is found too").containsExactly(FIRST);
        assertThat(cids(answer(new ConnectionQuery("", false, SubscriptionListing.NONE, 0, 0, FIRST,
                ConnectionState.OPEN, "", "", "")))).isEmpty();

        ConnectionPage bobs = answer(new ConnectionQuery("", true, SubscriptionListing.NONE, 0, 0, 0,
                ConnectionState.ALL, "bob", "", ""));
        assertThat(cids(bobs)).containsExactly(FIRST);
        assertThat(bobs.connections().get(0).authorizedUser()).isEqualTo("bob");
        assertThat(bobs.connections().get(0).account()).as("the global account is not named").isEmpty();
        assertThat(answer(new ConnectionQuery("", true, SubscriptionListing.NONE, 0, 0, FIRST + 1,
                ConnectionState.OPEN,
                "", "", "")).connections().get(0).authorizedUser()).isEqualTo("[REDACTED]");

        ConnectionPage unknownAccount = answer(new ConnectionQuery("", false, SubscriptionListing.NONE, 0, 0, 0,
                ConnectionState.ALL, "", "NOPE", ""));
        assertThat(unknownAccount.serverId()).isEmpty();
        assertThat(unknownAccount.total()).isZero();
        assertThat(unknownAccount.connections()).isNull();
        ConnectionPage global = answer(new ConnectionQuery("", false, SubscriptionListing.NONE, 0, 0, 0,
                ConnectionState.ALL, "", "$G", ""));
        assertThat(cids(global)).as("nats-server forgets the global account of closed connections")
                .containsExactly(FIRST + 1, FIRST + 2);

        ConnectionPage mqtt = answer(new ConnectionQuery("", false, SubscriptionListing.NONE, 0, 0, 0,
                ConnectionState.OPEN, "", "", "client-7"));
        assertThat(mqtt.connections()).isEmpty();
        assertThat(mqtt.total()).as("counted before filtering").isEqualTo(2);
        assertThat(token).isNotNull();
    }

    @Test
    void neverAsksAConnectionsThreadForAnything() {
        ManualExecutor clock = new ManualExecutor();
        AtomicBoolean refuse = new AtomicBoolean();
        SessionExecutor guarded = new SessionExecutor() {
            @Override
            public void execute(Runnable task) {
                assertThat(refuse).as("work handed to the connection's thread").isFalse();
                clock.execute(task);
            }

            @Override
            public ScheduledTask schedule(Runnable task, long delay, TimeUnit unit) {
                assertThat(refuse).as("work scheduled on the connection's thread").isFalse();
                return clock.schedule(task, delay, unit);
            }

            @Override
            public long nanoTime() {
                return clock.nanoTime();
            }
        };
        InMemoryOutbound outbound = new InMemoryOutbound(Integer.MAX_VALUE);
        ClientSession session = connectService.connect(new ConnectClientCommand("10.0.0.9", 5555, guarded, ConnectionType.STANDARD),
                outbound);
        session.connect(connect("guarded", "", ""));
        session.subscribe("foo", null, "1");
        session.readBatchComplete();
        InMemoryClient closing = connected("closing");
        closing.disconnect();
        refuse.set(true);

        ConnectionPage page = answer(new ConnectionQuery("idle", true, SubscriptionListing.DETAIL, 0, 0, 0,
                ConnectionState.ALL, "", "", ""));

        assertThat(page.connections()).extracting(ConnectionInfo::name).containsExactlyInAnyOrder("guarded",
                "closing");
        assertThat(page.connections()).filteredOn(info -> info.cid() == FIRST).singleElement()
                .satisfies(info -> assertThat(info.subscriptions()).hasSize(1));
    }

    private InMemoryClient connected(String name) {
        return InMemoryClient.connect(connectService).connect(connect(name, "", ""));
    }

    private static ConnectRequest connect(String name, String user, String token) {
        return new ConnectRequest(false, false, null, token.isEmpty() ? null : token, user.isEmpty() ? null : user,
                null, name, "java", "2.24.1", 1, null, null, null, null, null, null, null, null);
    }

    private static ConnectionQuery query(SubscriptionListing listing, ConnectionState state) {
        return new ConnectionQuery("", false, listing, 0, 0, 0, state, "", "", "");
    }

    private static ConnectionQuery sorted(String sort, ConnectionState state) {
        return new ConnectionQuery(sort, false, SubscriptionListing.NONE, 0, 0, 0, state, "", "", "");
    }

    private ConnectionPage paged(int offset, int limit) {
        return answer(new ConnectionQuery("", false, SubscriptionListing.NONE, offset, limit, 0,
                ConnectionState.OPEN, "", "", ""));
    }

    private static java.util.List<Long> cids(ConnectionPage page) {
        return page.connections().stream().map(ConnectionInfo::cid).toList();
    }

    private ConnectionPage answer(ConnectionQuery query) {
        QueryResult<ConnectionPage> result = service.connections(query);
        assertThat(result).isInstanceOf(QueryResult.Answer.class);
        return ((QueryResult.Answer<ConnectionPage>) result).value();
    }
}
