package io.natrium.adapter.monitor;

import io.natrium.application.port.in.SubscriptionQueryUseCase;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.SubscriptionPage;
import io.natrium.application.port.in.monitoring.SubscriptionQuery;
import io.natrium.domain.sublist.SublistStats;

import java.util.List;

/** /subsz (and its old name /subscriptionsz): sublist statistics and, when asked, the subscriptions. */
final class SubszEndpoint implements Endpoint {

    private final SubscriptionQueryUseCase subscriptions;
    private final HttpRequestStats requests;

    SubszEndpoint(SubscriptionQueryUseCase subscriptions, HttpRequestStats requests) {
        this.subscriptions = subscriptions;
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) throws BadParameterException {
        requests.count(MonitorPaths.SUBSZ);
        boolean list = QueryParameters.bool(request, "subs");
        int offset = QueryParameters.integer(request, "offset");
        int limit = QueryParameters.integer(request, "limit");
        SubscriptionQuery query = new SubscriptionQuery(list, offset, limit, request.parameter("test"),
                request.parameter("acc"));
        QueryResult<SubscriptionPage> result = subscriptions.subscriptions(query);
        if (result instanceof QueryResult.Rejected<SubscriptionPage> rejected) {
            return MonitorResponse.badRequest(rejected.reason());
        }
        return MonitorResponse.json(GoJson.indented(subsz(((QueryResult.Answer<SubscriptionPage>) result).value())));
    }

    static SubszJson subsz(SubscriptionPage page) {
        SublistStats stats = page.statistics();
        List<SubDetail> list = page.subscriptions() == null ? null
                : page.subscriptions().stream().map(SubDetail::of).toList();
        return new SubszJson(page.serverId(), page.now(), stats.numSubscriptions(), stats.numCache(),
                stats.numInserts(), stats.numRemoves(), stats.numMatches(), stats.cacheHitRate(), stats.maxFanout(),
                stats.avgFanout(), page.total(), page.offset(), page.limit(), list);
    }
}
