package io.natrium.adapter.monitor;

import io.natrium.application.port.in.AccountQueryUseCase;
import io.natrium.application.port.in.ConnectionQueryUseCase;
import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.SubscriptionQueryUseCase;
import io.natrium.application.port.in.monitoring.AccountStatistics;
import io.natrium.application.port.in.monitoring.Accounts;
import io.natrium.application.port.in.monitoring.ConnectionPage;
import io.natrium.application.port.in.monitoring.ConnectionQuery;
import io.natrium.application.port.in.monitoring.ConnectionState;
import io.natrium.application.port.in.monitoring.HealthQuery;
import io.natrium.application.port.in.monitoring.HealthStatus;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.ServerStatus;
import io.natrium.application.port.in.monitoring.SubscriptionListing;
import io.natrium.application.port.in.monitoring.SubscriptionPage;
import io.natrium.application.port.in.monitoring.SubscriptionQuery;
import io.natrium.application.port.out.EventFilter;
import io.natrium.application.port.out.SystemServices;
import io.natrium.application.port.out.MonitoringReply;
import io.natrium.application.port.out.MonitoringReport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The system account's monitoring request services as nats-server's {@code zReq} answers them: the body decoded
 * into the endpoint's options ({@link EventOptions}), the filter checked, the same query service asked as the HTTP
 * endpoint asks and its answer written with the same JSON record, compact ({@code json.Marshal}). A query's
 * refusal is a 500 with its text; a request's malformed options a 400.
 */
final class JacksonSystemServices implements SystemServices {

    private static final int BAD_REQUEST = 400;
    private static final int SERVER_ERROR = 500;

    private final ServerStatusQueryUseCase status;
    private final ConnectionQueryUseCase connections;
    private final SubscriptionQueryUseCase subscriptions;
    private final AccountQueryUseCase accounts;
    private final VarzEndpoint varz;

    JacksonSystemServices(ServerStatusQueryUseCase status, ConnectionQueryUseCase connections,
            SubscriptionQueryUseCase subscriptions, AccountQueryUseCase accounts, VarzEndpoint varz) {
        this.status = status;
        this.connections = connections;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.varz = varz;
    }

    @Override
    public MonitoringReply answer(MonitoringReport service, String account, byte[] options,
            Predicate<EventFilter> forThisServer) {
        EventOptions decoded;
        try {
            decoded = EventOptions.decode(struct(service), options);
            if (options.length > 0 && !forThisServer.test(decoded.filter())) {
                return MonitoringReply.SKIPPED;
            }
            return query(service, account, decoded);
        } catch (BadParameterException e) {
            return new MonitoringReply.Failed(BAD_REQUEST, e.getMessage());
        } catch (QueryFailure e) {
            return new MonitoringReply.Failed(SERVER_ERROR, e.getMessage(), true);
        }
    }

    @Override
    public MonitoringReply filterOnly(byte[] options, Predicate<EventFilter> forThisServer) {
        try {
            EventOptions decoded = EventOptions.decode("EventFilterOptions", options);
            if (options.length > 0 && !forThisServer.test(decoded.filter())) {
                return MonitoringReply.SKIPPED;
            }
            return new MonitoringReply.Data(null);
        } catch (BadParameterException e) {
            return new MonitoringReply.Failed(BAD_REQUEST, e.getMessage());
        }
    }

    @Override
    public long clientId(byte[] body) {
        if (body.length == 0) {
            return -1;
        }
        try {
            return EventOptions.decode("KickClientReq", body).unsigned("cid");
        } catch (BadParameterException e) {
            return -1;
        }
    }

    @Override
    public SubscriberCountRequest subscriberCount(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            EventOptions request = EventOptions.decode("accNumSubsReq", body);
            return new SubscriberCountRequest(request.text("acc"), request.text("subject"), request.bytes("queue"));
        } catch (BadParameterException e) {
            return null;
        }
    }

    @Override
    public String connectionsAccount(byte[] body) {
        try {
            return EventOptions.decode("accNumConnsReq", body).text("account");
        } catch (BadParameterException e) {
            return null;
        }
    }

    private MonitoringReply query(MonitoringReport service, String account, EventOptions options)
            throws BadParameterException, QueryFailure {
        return switch (service) {
            case VARZ -> data(varz.varz(status.status()));
            case SUBSZ -> data(subsz(options, options.bool("subscriptions"), options.text("account")));
            case ACCOUNT_SUBSZ -> data(subsz(options, true, account));
            case CONNZ -> data(connz(options, options.text("acc")));
            case ACCOUNT_CONNZ -> data(connz(options, account));
            case ROUTEZ -> {
                options.bool("subscriptions");
                options.bool("subscriptions_detail");
                ServerStatus server = status.status();
                yield data(new RoutezJson(server.serverId(), server.serverName(), server.now(), 0, List.of()));
            }
            case GATEWAYZ -> {
                options.text("name");
                options.bool("accounts");
                options.text("account_name");
                ServerStatus server = status.status();
                yield data(new GatewayzJson(server.serverId(), server.now(), Map.of(), Map.of()));
            }
            case LEAFZ, ACCOUNT_LEAFZ -> {
                options.bool("subscriptions");
                options.text("account");
                ServerStatus server = status.status();
                yield data(new LeafzJson(server.serverId(), server.now(), 0, List.of()));
            }
            case ACCOUNTZ -> data(accountz(options.text("account")));
            case ACCOUNT_INFO -> data(AccountzEndpoint.detail(accountDetail(account)));
            case JSZ -> jsz(options);
            case ACCOUNT_JSZ -> {
                jszOptions(options);
                throw new QueryFailure("jetstream not enabled");
            }
            case HEALTHZ -> data(healthz(options));
            case ACCOUNT_STATZ -> "PING".equals(account) ? MonitoringReply.SKIPPED
                    : accountStatz(List.of(account), options.bool("include_unused"));
            case ACCOUNTS_STATZ -> accountStatz(options.texts("accounts"), options.bool("include_unused"));
        };
    }

    private SubszJson subsz(EventOptions options, boolean list, String account)
            throws BadParameterException, QueryFailure {
        int offset = options.integer("offset");
        int limit = options.integer("limit");
        SubscriptionQuery query = new SubscriptionQuery(list, offset, limit, options.text("test"), account);
        return SubszEndpoint.subsz(answer(subscriptions.subscriptions(query)));
    }

    private ConnzJson connz(EventOptions options, String account) throws BadParameterException, QueryFailure {
        String sort = options.text("sort");
        boolean auth = options.bool("auth");
        boolean subjects = options.bool("subscriptions");
        boolean detail = options.bool("subscriptions_detail");
        int offset = options.integer("offset");
        int limit = options.integer("limit");
        long cid = options.unsigned("cid");
        String mqttClient = options.text("mqtt_client");
        ConnectionState state = state(options.integer("state"));
        String user = options.text("user");
        SubscriptionListing listing = detail ? SubscriptionListing.DETAIL
                : subjects ? SubscriptionListing.SUBJECTS : SubscriptionListing.NONE;
        ConnectionQuery query = new ConnectionQuery(sort, auth, listing, offset, limit, cid, state, user, account,
                mqttClient);
        return ConnzEndpoint.connz(answer(connections.connections(query)));
    }

    /** nats-server's {@code ConnState}: 0 open, 1 closed, 2 all; other numbers select nothing there, open here. */
    private static ConnectionState state(int state) {
        return switch (state) {
            case 1 -> ConnectionState.CLOSED;
            case 2 -> ConnectionState.ALL;
            default -> ConnectionState.OPEN;
        };
    }

    private AccountzJson accountz(String account) throws QueryFailure {
        Accounts answer = answer(accounts.accounts(account));
        return new AccountzJson(answer.serverId(), answer.now(), answer.systemAccount(), answer.names(),
                answer.detail() == null ? null : AccountzEndpoint.detail(answer.detail()));
    }

    private io.natrium.application.port.in.monitoring.AccountInfo accountDetail(String account) throws QueryFailure {
        if (account == null || account.isEmpty()) {
            throw new QueryFailure("Account  does not exist");
        }
        return answer(accounts.accounts(account)).detail();
    }

    private MonitoringReply jsz(EventOptions options) throws BadParameterException {
        if (jszOptions(options)) {
            // nats-server's "filtered response: not leader" is its errSkipZreq: no reply.
            return MonitoringReply.SKIPPED;
        }
        ServerStatus server = status.status();
        return data(JszJson.disabled(server.serverId(), server.now()));
    }

    /** Decodes {@code JSzOptions}; true when only the leader should answer. */
    private static boolean jszOptions(EventOptions options) throws BadParameterException {
        options.text("account");
        options.bool("accounts");
        options.bool("streams");
        options.bool("consumer");
        options.bool("config");
        boolean leaderOnly = options.bool("leader_only");
        options.integer("offset");
        options.integer("limit");
        return leaderOnly;
    }

    private HealthzJson healthz(EventOptions options) throws BadParameterException {
        boolean enabledOnly = options.bool("js-enabled-only");
        boolean serverOnly = options.bool("js-server-only");
        HealthStatus health = status.health(new HealthQuery(enabledOnly, serverOnly, false, "", "", "", false));
        List<HealthzJson.Issue> issues = health.errors().stream().map(HealthzEndpoint::issue).toList();
        return new HealthzJson(health.status(), 0, health.error(), issues);
    }

    /** nats-server answers nothing when no account qualifies and unused ones were not asked for. */
    private MonitoringReply accountStatz(List<String> names, boolean includeUnused) {
        AccountStatistics statistics = accounts.statistics(names, includeUnused);
        if (statistics.accounts().isEmpty() && !includeUnused) {
            return MonitoringReply.SKIPPED;
        }
        return data(new AccstatzJson(statistics.serverId(), statistics.now(),
                statistics.accounts().stream().map(AccstatzEndpoint::stat).toList()));
    }

    private static <T> T answer(QueryResult<T> result) throws QueryFailure {
        if (result instanceof QueryResult.Rejected<T> rejected) {
            throw new QueryFailure(rejected.reason());
        }
        return ((QueryResult.Answer<T>) result).value();
    }

    private static MonitoringReply data(Object json) {
        return new MonitoringReply.Data(new String(GoJson.compact(json), StandardCharsets.UTF_8));
    }

    /** The Go struct nats-server decodes the options into, as its errors name it. */
    private static String struct(MonitoringReport service) {
        return switch (service) {
            case VARZ -> "VarzEventOptions";
            case SUBSZ, ACCOUNT_SUBSZ -> "SubszEventOptions";
            case CONNZ, ACCOUNT_CONNZ -> "ConnzEventOptions";
            case ROUTEZ -> "RoutezEventOptions";
            case GATEWAYZ -> "GatewayzEventOptions";
            case LEAFZ, ACCOUNT_LEAFZ -> "LeafzEventOptions";
            case ACCOUNTZ -> "AccountzEventOptions";
            case JSZ, ACCOUNT_JSZ -> "JszEventOptions";
            case HEALTHZ -> "HealthzEventOptions";
            case ACCOUNT_INFO -> "AccInfoEventOptions";
            case ACCOUNT_STATZ, ACCOUNTS_STATZ -> "AccountStatzEventOptions";
        };
    }

    /** A query service refused the request; the reply carries its reason. */
    private static final class QueryFailure extends Exception {

        private static final long serialVersionUID = 1L;

        QueryFailure(String message) {
            super(message, null, false, false);
        }
    }
}
