package io.natrium.application.service;

import io.natrium.application.port.in.AccountQueryUseCase;
import io.natrium.application.port.in.monitoring.AccountInfo;
import io.natrium.application.port.in.monitoring.AccountStatistic;
import io.natrium.application.port.in.monitoring.AccountStatistics;
import io.natrium.application.port.in.monitoring.Accounts;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.session.Account;
import io.natrium.application.session.ServerContext;
import io.natrium.application.session.ServerStatistics;

import java.util.List;

/**
 * Answers /accountz and /accstatz. There is one account so far, the global {@code $G}, which holds every client,
 * so its traffic is the server's; there is no system account yet.
 */
public final class AccountQueryService implements AccountQueryUseCase {

    private final ServerContext server;
    private final MonitoringClock clock;

    public AccountQueryService(ServerContext server, MonitoringClock clock) {
        this.server = server;
        this.clock = clock;
    }

    @Override
    public QueryResult<Accounts> accounts(String account) {
        Account global = server.globalAccount();
        String serverId = server.identity().id();
        if (account.isEmpty()) {
            return QueryResult.answer(new Accounts(serverId, clock.now(), null, List.of(global.name()), null));
        }
        if (!account.equals(global.name())) {
            return QueryResult.rejected("Account " + account + " does not exist");
        }
        AccountInfo detail = new AccountInfo(global.name(), clock.started(), false, false, true, false, 0,
                server.clients().size(), global.sublist().count(), global.sublist().stats());
        return QueryResult.answer(new Accounts(serverId, clock.now(), null, null, detail));
    }

    @Override
    public AccountStatistics statistics(boolean includeUnused) {
        Account global = server.globalAccount();
        int connections = server.clients().size();
        List<AccountStatistic> accounts = List.of();
        if (includeUnused || connections > 0) {
            ServerStatistics traffic = server.statistics();
            accounts = List.of(new AccountStatistic(global.name(), "", connections, 0, global.sublist().count(),
                    traffic.outMessages(), traffic.outBytes(), traffic.inMessages(), traffic.inBytes(),
                    traffic.slowConsumers()));
        }
        return new AccountStatistics(server.identity().id(), clock.now(), accounts);
    }
}
