package io.natrium.adapter.monitor;

import io.natrium.application.port.in.AccountQueryUseCase;
import io.natrium.application.port.in.monitoring.AccountInfo;
import io.natrium.application.port.in.monitoring.Accounts;
import io.natrium.application.port.in.monitoring.QueryResult;

/** /accountz: the account names, or with {@code acc} one account in detail. */
final class AccountzEndpoint implements Endpoint {

    private final AccountQueryUseCase accounts;
    private final HttpRequestStats requests;

    AccountzEndpoint(AccountQueryUseCase accounts, HttpRequestStats requests) {
        this.accounts = accounts;
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) {
        requests.count(MonitorPaths.ACCOUNTZ);
        QueryResult<Accounts> result = accounts.accounts(request.parameter("acc"));
        if (result instanceof QueryResult.Rejected<Accounts> rejected) {
            return MonitorResponse.badRequest(rejected.reason());
        }
        Accounts answer = ((QueryResult.Answer<Accounts>) result).value();
        return MonitorResponse.json(GoJson.indented(new AccountzJson(answer.serverId(), answer.now(),
                answer.systemAccount(), answer.names(), answer.detail() == null ? null : detail(answer.detail()))));
    }

    private static AccountzJson.AccountDetail detail(AccountInfo account) {
        return new AccountzJson.AccountDetail(account.name(), account.updated(), account.system(), account.expired(),
                account.complete(), account.jetStream(), account.leafConnections(), account.clientConnections(),
                account.subscriptions(), SublistStatsJson.of(account.sublist()));
    }
}
