package io.natrium.application.port.in;

import io.natrium.application.port.in.monitoring.AccountStatistics;
import io.natrium.application.port.in.monitoring.Accounts;
import io.natrium.application.port.in.monitoring.QueryResult;

/** Monitoring: the accounts (/accountz) and their traffic (/accstatz). */
public interface AccountQueryUseCase {

    /** Every account's name when {@code account} is empty, else that account in detail (rejected if unknown). */
    QueryResult<Accounts> accounts(String account);

    /** The accounts with client connections, or every account when {@code includeUnused}. */
    AccountStatistics statistics(boolean includeUnused);
}
