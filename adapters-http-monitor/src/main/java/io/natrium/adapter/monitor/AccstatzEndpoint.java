package io.natrium.adapter.monitor;

import io.natrium.application.port.in.AccountQueryUseCase;
import io.natrium.application.port.in.monitoring.AccountStatistic;
import io.natrium.application.port.in.monitoring.AccountStatistics;

/** /accstatz: connections and traffic of the accounts in use, or of all with {@code unused}. */
final class AccstatzEndpoint implements Endpoint {

    private final AccountQueryUseCase accounts;
    private final HttpRequestStats requests;

    AccstatzEndpoint(AccountQueryUseCase accounts, HttpRequestStats requests) {
        this.accounts = accounts;
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) throws BadParameterException {
        requests.count(MonitorPaths.ACCSTATZ);
        boolean unused = QueryParameters.bool(request, "unused");
        AccountStatistics statistics = accounts.statistics(unused);
        return MonitorResponse.json(GoJson.indented(new AccstatzJson(statistics.serverId(), statistics.now(),
                statistics.accounts().stream().map(AccstatzEndpoint::stat).toList())));
    }

    static AccstatzJson.AccountStat stat(AccountStatistic account) {
        return new AccstatzJson.AccountStat(account.account(), account.nameTag(), account.connections(),
                account.leafConnections(), account.connections() + account.leafConnections(),
                account.subscriptions(), AccstatzJson.DataStats.clientsOnly(account.sentMessages(),
                        account.sentBytes()),
                AccstatzJson.DataStats.clientsOnly(account.receivedMessages(), account.receivedBytes()),
                account.slowConsumers());
    }
}
