package io.natrium.bootstrap;

import io.natrium.application.account.Account;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.Sessions;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nats-server's bootstrapping system account: when the URL resolver could not fetch the system account's JWT at
 * start, the server runs with an account of that name without claims and asks the account server again every second
 * until the JWT comes ({@code Using bootstrapping system account}, then {@code System account fetched and
 * updated}). The fetch blocks for up to the resolver's timeout, so it runs on a thread of its own, never on the
 * system account's.
 */
final class SystemAccountFetch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SystemAccountFetch.class);
    private static final long RETRY_SECONDS = 1;

    private final ScheduledExecutorService timer;

    private SystemAccountFetch(ServerContext context, String system) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "natrium-system-account-fetch");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> retry(context, system), RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    /** The retries, when a URL resolver has not got the system account's JWT yet; null when none are needed. */
    static SystemAccountFetch startIfMissing(ServerContext context) {
        Account system = context.systemAccount();
        if (context.accountFetcher() == null || system == null || context.accountJwts().containsKey(system.name())) {
            return null;
        }
        LOG.info("Using bootstrapping system account");
        return new SystemAccountFetch(context, system.name());
    }

    private void retry(ServerContext context, String system) {
        Sessions.fetchAccount(context, system);
        if (context.accountJwts().containsKey(system)) {
            LOG.info("System account fetched and updated");
            timer.shutdown();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
