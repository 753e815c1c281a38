package io.natrium.application.service;

import io.natrium.application.account.Account;
import io.natrium.application.account.ClientSubscription;
import io.natrium.application.port.in.SubscriptionQueryUseCase;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.SubscriptionInfo;
import io.natrium.application.port.in.monitoring.SubscriptionPage;
import io.natrium.application.port.in.monitoring.SubscriptionQuery;
import io.natrium.application.server.ServerContext;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.sublist.SublistStats;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers /subsz as nats-server's {@code Subsz}: the sublist statistics, and the subscriptions when asked, of every
 * account added up, or of the one account asked for (none, for an unknown one: nats-server filters by name and
 * finds nothing rather than refusing).
 */
public final class SubscriptionQueryService implements SubscriptionQueryUseCase {

    private final ServerContext server;
    private final MonitoringClock clock;

    public SubscriptionQueryService(ServerContext server, MonitoringClock clock) {
        this.server = server;
        this.clock = clock;
    }

    @Override
    public QueryResult<SubscriptionPage> subscriptions(SubscriptionQuery query) {
        int offset = Math.max(0, query.offset());
        int limit = query.limit() <= 0 ? SubscriptionQuery.DEFAULT_LIMIT : query.limit();
        String test = query.test();
        if (!test.isEmpty() && !Subject.isValidLiteral(test)) {
            return QueryResult.rejected("invalid test subject, must be valid publish subject: " + test);
        }
        List<Account> accounts = accountsAskedFor(query.account());
        SublistStats statistics = SublistStats.EMPTY;
        for (Account account : accounts) {
            statistics = statistics.plus(account.sublist().stats());
        }
        if (!query.subscriptions()) {
            return QueryResult.answer(new SubscriptionPage(server.identity().id(), clock.now(), statistics, 0, offset,
                    limit, null));
        }
        List<SubscriptionInfo> found = new ArrayList<>();
        for (Account account : accounts) {
            for (ClientSubscription subscription : account.sublist().all()) {
                if (test.isEmpty() || SubjectFilter.matches(subscription.subject(), test)) {
                    // A shadow in an exporter names its client's account, as nats-server's copy does.
                    found.add(new SubscriptionInfo(subscription.account().name(), subscription.subject(),
                            subscription.queue(),
                            subscription.sid(), subscription.delivered(), subscription.max(),
                            subscription.clientId()));
                }
            }
        }
        int from = Math.min(offset, found.size());
        int to = from + Math.min(limit, found.size() - from);
        return QueryResult.answer(new SubscriptionPage(server.identity().id(), clock.now(), statistics, found.size(),
                offset, limit, List.copyOf(found.subList(from, to))));
    }

    private List<Account> accountsAskedFor(String name) {
        if (name.isEmpty()) {
            return server.accounts().all();
        }
        Account account = server.accounts().find(name);
        return account == null ? List.of() : List.of(account);
    }
}
