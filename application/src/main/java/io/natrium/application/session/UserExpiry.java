package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.auth.JwtGrant;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user JWT's limits take effect, and the connection ends as nats-server's {@code setExpiration} has it: at the
 * JWT's expiry or the end of its connect window, with {@code User Authentication Expired}.
 */
final class UserExpiry {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final ClientConnection connection;
    private final SessionExecutor executor;
    /** Ends the connection when its user JWT expires or its connect window closes; null when neither applies. */
    private ScheduledTask expiry;

    UserExpiry(ClientConnection connection, SessionExecutor executor) {
        this.connection = connection;
        this.executor = executor;
    }

    void granted(JwtGrant grant) {
        connection.limits().jwtGranted(grant);
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
        if (grant == null || grant.expiresAt() == null) {
            return;
        }
        long delay = Math.max(0, Duration.between(Instant.now(), grant.expiresAt()).toNanos());
        expiry = executor.schedule(this::expired, delay, TimeUnit.NANOSECONDS);
    }

    private void expired() {
        expiry = null;
        if (connection.isClosed()) {
            return;
        }
        LOG.debug("{} - User Authentication Expired", connection);
        connection.closeWithError("User Authentication Expired", CloseReason.AUTHENTICATION_EXPIRED);
    }
}
