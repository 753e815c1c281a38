package io.natrium.application.service;

import io.natrium.application.account.Account;
import io.natrium.application.account.TrafficCounters;
import io.natrium.application.port.in.AccountQueryUseCase;
import io.natrium.application.port.in.monitoring.AccountInfo;
import io.natrium.application.port.in.monitoring.AccountJwtInfo;
import io.natrium.application.port.in.monitoring.AccountStatistic;
import io.natrium.application.port.in.monitoring.AccountStatistics;
import io.natrium.application.port.in.monitoring.Accounts;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.security.OperatorAccounts;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers /accountz and /accstatz for every account: the global {@code $G}, the configured ones and the system
 * account, with the imports and exports nats-server adds for the system account.
 */
public final class AccountQueryService implements AccountQueryUseCase {

    private final ServerContext server;
    private final MonitoringClock clock;

    public AccountQueryService(ServerContext server, MonitoringClock clock) {
        this.server = server;
        this.clock = clock;
    }

    @Override
    public QueryResult<Accounts> accounts(String name) {
        String serverId = server.identity().id();
        if (name.isEmpty()) {
            List<String> names = server.accounts().all().stream().map(Account::name).toList();
            return QueryResult.answer(new Accounts(serverId, clock.now(), systemName(), names, null));
        }
        Account account = server.accounts().find(name);
        if (account == null) {
            return QueryResult.rejected("Account " + name + " does not exist");
        }
        return QueryResult.answer(new Accounts(serverId, clock.now(), systemName(), null, detail(account)));
    }

    private AccountInfo detail(Account account) {
        AccountsSettings settings = server.accountsInForce();
        AccountSettings configured = configured(settings, account.name());
        AccountJwtInfo jwt = AccountJwts.of(server.settings().operator(), server.accountJwts(), account.name(),
                clock.now());
        boolean claimed = jwt != AccountJwtInfo.NONE;
        return new AccountInfo(account.name(), clock.started(), account == server.systemAccount(),
                AccountJwts.expired(jwt, clock.now()),
                !claimed || OperatorAccounts.importsComplete(jwt.jwt(), settings), false, 0,
                account.connections(), account.sublist().count(),
                AccountDescriptions.mappings(account.mappings()),
                configured == null ? List.of() : AccountDescriptions.exports(configured),
                configured == null ? List.of() : AccountDescriptions.imports(configured, settings),
                account.sublist().stats(), jwt, AccountDescriptions.responses(account.waitingResponses()));
    }

    private String systemName() {
        return ServerStatusService.systemAccountName(server);
    }

    /** The account's block of the configuration, as the server runs it; null for an account that has none. */
    private static AccountSettings configured(AccountsSettings settings, String name) {
        for (AccountSettings account : settings.accounts()) {
            if (account.name().equals(name)) {
                return account;
            }
        }
        return null;
    }

    @Override
    public AccountStatistics statistics(boolean includeUnused) {
        return statistics(List.of(), includeUnused);
    }

    @Override
    public AccountStatistics statistics(List<String> accounts, boolean includeUnused) {
        List<Account> chosen = new ArrayList<>();
        if (accounts.isEmpty()) {
            chosen.addAll(server.accounts().all());
        } else {
            for (String name : accounts) {
                Account account = server.accounts().find(name);
                if (account != null) {
                    chosen.add(account);
                }
            }
        }
        List<AccountStatistic> statistics = new ArrayList<>();
        for (Account account : chosen) {
            int connections = account.connections();
            if (includeUnused || connections > 0) {
                TrafficCounters traffic = account.traffic();
                statistics.add(new AccountStatistic(account.name(), "", connections, 0, account.sublist().count(),
                        traffic.outMessages(), traffic.outBytes(), traffic.inMessages(), traffic.inBytes(),
                        account.slowConsumers()));
            }
        }
        return new AccountStatistics(server.identity().id(), clock.now(), statistics);
    }
}
