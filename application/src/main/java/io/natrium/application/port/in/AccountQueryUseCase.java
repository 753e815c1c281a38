package io.natrium.application.port.in;

import java.util.List;

import io.natrium.application.port.in.monitoring.AccountStatistics;
import io.natrium.application.port.in.monitoring.Accounts;
import io.natrium.application.port.in.monitoring.QueryResult;

/** Monitoring: the accounts (/accountz) and their traffic (/accstatz). */
public interface AccountQueryUseCase {

    /** Every account's name when {@code account} is empty, else that account in detail (rejected if unknown). */
    QueryResult<Accounts> accounts(String account);

    /** The accounts with client connections, or every account when {@code includeUnused}. */
    AccountStatistics statistics(boolean includeUnused);

    /**
     * The named accounts, in the order given (unknown names skipped), those without client connections only when
     * {@code includeUnused}; every account as {@link #statistics(boolean)} when {@code accounts} is empty
     * (nats-server's {@code AccountStatz}).
     */
    AccountStatistics statistics(List<String> accounts, boolean includeUnused);
}
