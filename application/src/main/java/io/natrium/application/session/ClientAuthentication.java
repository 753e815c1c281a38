package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.security.SecurityPolicy;
import io.natrium.domain.auth.AuthConfiguration;
import io.natrium.domain.auth.AuthDecision;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.permission.ClientPermissions;
import io.natrium.domain.permission.GoQuote;
import io.natrium.domain.permission.Permissions;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a connection is: the authentication timer until CONNECT, the decision on its credentials, the account it is
 * bound to and the permissions it gets, and the same decision again after a reload. Confined to the connection's
 * thread.
 */
final class ClientAuthentication {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final ClientConnection connection;
    private final SessionExecutor executor;
    private final ServerContext server;
    /** Sent in INFO for nkey users to sign; null when the configuration has none. */
    private final String nonce;
    private boolean connectReceived;
    private boolean awaiting;
    private ScheduledTask timer;

    ClientAuthentication(ClientConnection connection, SessionExecutor executor, ServerContext server) {
        this.connection = connection;
        this.executor = executor;
        this.server = server;
        this.nonce = server.security().nextNonce();
    }

    String nonce() {
        return nonce;
    }

    /** With authentication required, the client must CONNECT within the configured time. */
    void start() {
        SecurityPolicy security = server.security();
        if (security.authRequired()) {
            awaiting = true;
            timer = executor.schedule(this::timedOut, security.authTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Whether a CONNECT came; false for a no_auth_user let in without one. */
    boolean connectReceived() {
        return connectReceived;
    }

    /** Whether the client is still to prove who it is. */
    boolean awaiting() {
        return awaiting;
    }

    /**
     * Whether an operation other than CONNECT may come now. nats-server lets a client without CONNECT in as the
     * no_auth_user (e.g. a telnet session): that decision is taken here, at the first such operation.
     */
    boolean admitBeforeConnect() {
        if (!awaiting) {
            return true;
        }
        if (connection.isClosed() || !server.security().letsInWithoutConnect()) {
            return false;
        }
        stopTimer();
        connectReceived = true;
        return authenticate(ClientCredentials.none());
    }

    /** A CONNECT came: the timer stops, whatever the credentials turn out to be. */
    void connectArrived() {
        stopTimer();
        connectReceived = true;
    }

    void stopTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /**
     * Decides who the client is and puts it in its account with its permissions; false when it was turned away
     * (and is closing). Without authentication configured every client is the anonymous user of the global account.
     */
    boolean authenticate(ClientCredentials credentials) {
        AuthDecision decision = server.security().authenticator()
                .authenticate(credentials, connection.connectionType(), nonce);
        return apply(decision);
    }

    private boolean apply(AuthDecision decision) {
        if (decision instanceof AuthDecision.Rejected rejected) {
            LOG.debug("{} - authentication refused: {}", connection, rejected.reason().description());
            failed(rejected.reason().closesAsProxyRequired()
                    ? CloseReason.PROXY_REQUIRED : CloseReason.AUTHENTICATION_VIOLATION);
            return false;
        }
        AuthDecision.Authenticated authenticated = (AuthDecision.Authenticated) decision;
        Account home = server.accounts().find(authenticated.account());
        if (home == null || !bind(home)) {
            return false;
        }
        Permissions granted = authenticated.permissions();
        connection.permissions(granted.isUnrestricted() ? null : ClientPermissions.of(granted));
        granted.problems().forEach(problem -> LOG.warn("{} - {}", connection, problem));
        awaiting = false;
        return true;
    }

    /** Moves the client to its account, unless that account is full; then the client is turned away. */
    private boolean bind(Account home) {
        Account current = connection.account();
        if (home == current) {
            return true;
        }
        if (!home.join()) {
            LOG.error("{} - maximum account active connections exceeded", connection);
            connection.closeWithError("maximum account active connections exceeded",
                    CloseReason.MAX_ACCOUNT_CONNECTIONS_EXCEEDED);
            return false;
        }
        connection.moveTo(home);
        return true;
    }

    /** nats-server's {@code authViolation}: the log names what the client tried, never its secret. */
    void failed(CloseReason reason) {
        AuthConfiguration configuration = server.security().authenticator().configuration();
        if (!configuration.nkeyUsers().isEmpty()) {
            LOG.error("{} - authentication error - Nkey {}", connection, GoQuote.of(connection.options().nkey));
        } else if (!configuration.users().isEmpty()) {
            LOG.error("{} - authentication error - User {}", connection, GoQuote.of(connection.options().user));
        } else {
            LOG.error("{} - authentication error", connection);
        }
        connection.closeWithError("Authorization Violation", reason);
    }

    private void timedOut() {
        timer = null;
        if (connection.isClosed() || !awaiting) {
            return;
        }
        LOG.debug("{} - Authentication Timeout", connection);
        connection.closeWithError("Authentication Timeout", CloseReason.AUTHENTICATION_TIMEOUT);
    }
}
