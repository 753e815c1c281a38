package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.auth.JwtGrant;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What nats-server's {@code applyAccountLimits} does once a client joined its account: it says when the server's
 * limit overrides a lower-level one the user JWT or account set, and a client that is at its subscription limit
 * already (a JWT or account limit of 0) is sent {@code maximum subscriptions exceeded} and closed 20 ms later.
 */
final class LimitsAtConnect {

    private static final Logger LOG = LoggerFactory.getLogger(LimitsAtConnect.class);
    private static final long CLOSE_DELAY_MILLIS = 20;

    private LimitsAtConnect() {
    }

    static void apply(ClientConnection connection, SessionExecutor executor) {
        JwtGrant grant = connection.limits().jwtGrant();
        int serverPayload = connection.settings().maxPayload();
        if (overridden(grant == null ? Limits.NONE : grant.payload(),
                connection.account().limits().maxPayload(), serverPayload)) {
            LOG.error("{} - Max Payload set to {} from server overrides account or user config", connection,
                    serverPayload);
        }
        int serverSubscriptions = connection.settings().maxSubscriptions();
        if (overridden(grant == null ? Limits.NONE : grant.subscriptions(),
                connection.account().limits().maxSubscriptions(), serverSubscriptions)) {
            LOG.error("{} - Max Subscriptions set to {} from server overrides account or user config", connection,
                    serverSubscriptions);
        }
        int maxSubscriptions = connection.limits().maxSubscriptions();
        // Nothing subscribes before CONNECT is through, so only a limit below 1 is reached here.
        if (maxSubscriptions != Limits.NONE && maxSubscriptions <= 0) {
            LOG.error("{} - maximum subscriptions exceeded", connection);
            connection.sendError("maximum subscriptions exceeded");
            executor.schedule(() -> connection.closeQuietly(CloseReason.MAX_SUBSCRIPTIONS_EXCEEDED),
                    TimeUnit.MILLISECONDS.toNanos(CLOSE_DELAY_MILLIS), TimeUnit.NANOSECONDS);
        }
    }

    /** True when the server's limit lowers a limit the user JWT or the account set. */
    private static boolean overridden(long user, int account, int server) {
        int set = Limits.lower((int) user, account);
        int limit = server == 0 ? Limits.NONE : server;
        return set != Limits.NONE && limit != Limits.NONE && limit < set;
    }
}
