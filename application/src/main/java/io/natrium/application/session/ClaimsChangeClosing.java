package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.domain.auth.Rejection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a connected client whose account JWT changed, expired or went away is closed, as nats-server's
 * {@code updateAccountClaimsWithRefresh} and {@code expiredTimeout} close it: a revoked user with
 * {@code User Authentication Revoked}, the client of an account that expired or was deleted with
 * {@code Account Authentication Expired}; other refusals (a reload no longer preloading the account among them, as
 * nats-server's {@code reloadAuthorization} finds it missing) are authorization violations, left to the caller.
 */
final class ClaimsChangeClosing {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private ClaimsChangeClosing() {
    }

    /** Closes the client when the refusal is one of these; false when it is not. */
    static boolean closes(ClientConnection connection, Rejection reason) {
        if (reason == Rejection.USER_REVOKED) {
            revoked(connection);
            return true;
        }
        boolean ended = reason == Rejection.ACCOUNT_LOOKUP_FAILED
                && connection.account() != null
                && connection.server().accountEndedByClaims(connection.account().name());
        if (reason == Rejection.ACCOUNT_EXPIRED || ended) {
            accountEnded(connection);
            return true;
        }
        return false;
    }

    static void revoked(ClientConnection connection) {
        LOG.debug("{} - User Authentication Revoked", connection);
        connection.closeWithError("User Authentication Revoked", CloseReason.REVOCATION);
    }

    static void accountEnded(ClientConnection connection) {
        LOG.debug("{} - Account Authentication Expired", connection);
        connection.closeWithError("Account Authentication Expired", CloseReason.AUTHENTICATION_EXPIRED);
    }
}
