package io.natrium.application.service;

import io.natrium.application.port.in.SubscriptionQueryUseCase;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.SubscriptionInfo;
import io.natrium.application.port.in.monitoring.SubscriptionPage;
import io.natrium.application.port.in.monitoring.SubscriptionQuery;
import io.natrium.application.session.Account;
import io.natrium.application.session.ClientSubscription;
import io.natrium.application.session.ServerContext;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.sublist.SublistStats;

import java.util.ArrayList;
import java.util.List;

/** Answers /subsz as nats-server's {@code Subsz}: the sublist statistics, and the subscriptions when asked. */
public final class SubscriptionQueryService implements SubscriptionQueryUseCase {

    private static final SublistStats NO_STATISTICS = new SublistStats(0, 0, 0, 0, 0, 0, 0, 0, 0);

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
        Account global = server.globalAccount();
        boolean included = query.account().isEmpty() || query.account().equals(global.name());
        SublistStats statistics = included ? global.sublist().stats() : NO_STATISTICS;
        if (!query.subscriptions()) {
            return QueryResult.answer(new SubscriptionPage(server.identity().id(), clock.now(), statistics, 0, offset,
                    limit, null));
        }
        List<SubscriptionInfo> found = new ArrayList<>();
        if (included) {
            for (ClientSubscription subscription : global.sublist().all()) {
                if (test.isEmpty() || SubjectFilter.matches(subscription.subject(), test)) {
                    found.add(new SubscriptionInfo(global.name(), subscription.subject(), subscription.queue(),
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
}
