package io.natrium.application.session;

import io.natrium.application.account.Account;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.security.SecurityPolicy;
import io.natrium.application.server.ServerContext;
import io.natrium.domain.auth.AuthConfiguration;
import io.natrium.domain.auth.AuthDecision;
import io.natrium.domain.auth.AuthMethod;
import io.natrium.domain.auth.Authenticator;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.auth.JwtGrant;
import io.natrium.domain.auth.PasswordVerifier;
import io.natrium.domain.auth.Rejection;
import io.natrium.domain.permission.ClientPermissions;
import io.natrium.domain.permission.Permissions;
import io.natrium.domain.text.GoStrings;

import java.util.List;
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
    private final HeldInput input;
    private final CalloutDecision callout;
    private final UserExpiry expiry;
    private boolean connectReceived;
    private boolean awaiting;
    /**
     * The bcrypt hash this client's credentials were last proven against, and those credentials: a reload that keeps
     * both needs no new check; a second CONNECT with other credentials gets one.
     */
    private String provenHash;
    /** Why the resolver could not fetch the account the CONNECT named (written off this thread); null if it could. */
    private volatile String fetchFailure;
    private ClientCredentials provenCredentials;
    private ScheduledTask timer;
    /** True while a connected client is decided again after a reload or a changed account JWT. */
    private boolean reconsidering;

    ClientAuthentication(ClientConnection connection, ClientOutbound outbound, SessionExecutor executor,
            ServerContext server) {
        this.connection = connection;
        this.executor = executor;
        this.server = server;
        this.nonce = policy().nextNonce();
        this.input = new HeldInput(outbound, executor, server);
        this.callout = new CalloutDecision(connection, this, input, executor, server);
        this.expiry = new UserExpiry(connection, executor);
    }

    String nonce() {
        return nonce;
    }

    /** The policy this client is authenticated by: the WebSocket listener may override the server's. */
    SecurityPolicy policy() {
        return server.security().forTransport(connection.connectionType());
    }

    /** The INFO template as this client's transport tells it whether to authenticate. */
    ServerInfo infoFor(ServerInfo template) {
        SecurityPolicy policy = policy();
        boolean required = policy.advertisesAuthRequiredToClients();
        return required == template.authRequired() ? template : template.withAuthRequired(required);
    }

    /** With authentication required, the client must CONNECT within the configured time. */
    void start() {
        SecurityPolicy security = policy();
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
        if (connection.isClosed() || !policy().letsInWithoutConnect()) {
            return false;
        }
        stopTimer();
        connectReceived = true;
        if (server.settings().authorization().callout() == null) {
            return authenticate(ClientCredentials.none());
        }
        // nats-server (since its PING-first fix) runs the whole CONNECT decision here, so the auth callout decides
        // the no_auth_user too; the operation waits, with the input, for the answer.
        authenticate(ClientCredentials.none(), () -> { });
        return !connection.isClosed();
    }

    /** The server's own client is in without proving anything: it never had credentials. */
    void admitInternal() {
        connectReceived = true;
        awaiting = false;
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

    /** Whether a CONNECT is being decided on the authentication executor; the client's input waits meanwhile. */
    boolean deciding() {
        return input.deciding();
    }

    /**
     * Decides who the client is and puts it in its account with its permissions; false when it was turned away
     * (and is closing). Without authentication configured every client is the anonymous user of the global account.
     * Runs bcrypt right here: only for the no_auth_user of a client that sent no CONNECT, which presents no password
     * of its own.
     */
    boolean authenticate(ClientCredentials credentials) {
        AuthDecision decision = policy().authenticator()
                .authenticate(credentials, connection.connectionType(), nonce);
        return apply(decision);
    }

    /**
     * Decides a CONNECT and runs {@code admitted} when the client is in; a client turned away is closing. The
     * trusted proxies vouch for it, or refuse it, first ({@link ProxyVouching}). A check
     * against a bcrypt hash takes bcrypt's deliberate time, so it runs on the authentication executor while the
     * client's further input is held, and the decision comes back to the connection's thread; everything else is
     * decided at once.
     */
    void authenticate(ClientCredentials presented, Runnable admitted) {
        ClientCredentials credentials = ProxyVouching.vouch(connection, policy().trustedProxies(), nonce, presented);
        if (credentials == null) {
            failed(CloseReason.PROXY_NOT_TRUSTED);
            return;
        }
        fetchFailure = null;
        // A connected client decided again (its account's JWT changed or went away) is not looked up elsewhere: as
        // in nats-server, the account's end closes it at once.
        String missing = reconsidering ? null : AccountFetch.accountToFetch(server, credentials);
        if (missing != null) {
            fetchElsewhere(missing, credentials, admitted);
            return;
        }
        decide(credentials, admitted);
    }

    /** The URL resolver's account is fetched first, off this thread; the CONNECT is decided with what it brought. */
    private void fetchElsewhere(String account, ClientCredentials credentials, Runnable admitted) {
        offload(() -> fetchFailure = AccountFetch.fetch(server, account), () -> {
            if (!connection.isClosed()) {
                decide(credentials, admitted);
            }
        });
    }

    /** Runs {@code work} off this thread, then {@code then} back on it; a full executor turns the client away. */
    private void offload(Runnable work, Runnable then) {
        if (!input.offload(work, then)) {
            LOG.warn("{} - too many authentications in progress, refusing the client", connection);
            failed(CloseReason.AUTHENTICATION_VIOLATION);
        }
    }

    private void decide(ClientCredentials credentials, Runnable admitted) {
        Authenticator authenticator = policy().authenticator();
        String hash = authenticator.bcryptHashFor(credentials, connection.connectionType());
        if (hash == null) {
            callout.conclude(authenticator.authenticate(credentials, connection.connectionType(), nonce),
                    credentials, admitted);
            return;
        }
        if (hash.equals(provenHash) && credentials.equals(provenCredentials)) {
            // A reload kept the hash these very credentials were proven against: no need to pay bcrypt again.
            PasswordVerifier known = (presented, configured) -> configured.equals(provenHash);
            callout.conclude(authenticator.authenticate(credentials, connection.connectionType(), nonce, known),
                    credentials, admitted);
            return;
        }
        decideElsewhere(authenticator, credentials, hash, admitted);
    }

    private void decideElsewhere(Authenticator authenticator, ClientCredentials credentials, String hash,
            Runnable admitted) {
        provenHash = null;
        ConnectionType type = connection.connectionType();
        AuthDecision[] decision = new AuthDecision[1];
        offload(() -> decision[0] = authenticator.authenticate(credentials, type, nonce), () -> {
            if (!connection.isClosed()) {
                // The proof counts once the password matched, whether the callout then decides or not.
                if (decision[0] instanceof AuthDecision.Authenticated) {
                    provenHash = hash;
                    provenCredentials = credentials;
                }
                callout.conclude(decision[0], credentials, admitted);
            }
        });
    }

    /** Applies a decision; false when the client was turned away (and is closing). */
    boolean apply(AuthDecision decision) {
        if (decision instanceof AuthDecision.Rejected refused) {
            AuthDecision.Rejected rejected = refused;
            if (rejected.reason() == Rejection.ACCOUNT_LOOKUP_FAILED && fetchFailure != null) {
                // nats-server's lookup error is the fetch's.
                rejected = new AuthDecision.Rejected(rejected.reason(), fetchFailure);
            }
            logRefusal(rejected);
            if (reconsidering && policy().authenticator().operatorMode()
                    && ClaimsChangeClosing.closes(connection, rejected.reason())) {
                return false;
            }
            failed(rejected.reason().closesAsProxyRequired()
                    ? CloseReason.PROXY_REQUIRED : CloseReason.AUTHENTICATION_VIOLATION);
            return false;
        }
        AuthDecision.Authenticated authenticated = (AuthDecision.Authenticated) decision;
        AuthenticatedIdentity.record(connection, authenticated);
        issued(authenticated);
        Account home = server.accounts().find(authenticated.account());
        if (home == null || !bind(home)) {
            return false;
        }
        expiry.granted(authenticated.jwt());
        if (authenticated.jwt() != null) {
            server.registeredAccounts().register(home.name(), server.accountJwts());
        }
        LimitsAtConnect.apply(connection, executor);
        Permissions granted = authenticated.permissions();
        connection.permissions(granted.isUnrestricted() ? null : ClientPermissions.of(granted));
        granted.problems().forEach(problem -> LOG.warn("{} - {}", connection, problem));
        awaiting = false;
        return true;
    }

    /** The log line of a refusal, as nats-server's checks write it. */
    void logRefusal(AuthDecision.Rejected rejected) {
        if (rejected.reason() == Rejection.NO_CERTIFICATE_USER) {
            LOG.debug("{} - {}", connection, server.security().authenticator()
                    .certificateUser(connection.credentials(), connection.connectionType()).how());
        }
        if (rejected.reason().loggedAsError()) {
            LOG.error("{} - {}", connection, rejected.description());
        } else if (policy().authenticator().operatorMode()) {
            // nats-server's own debug lines of its user JWT checks.
            LOG.debug("{} - {}", connection, rejected.description());
        } else {
            LOG.debug("{} - authentication refused: {}", connection, rejected.description());
        }
    }

    /** Whether the client is being decided again, after a reload or a change of account JWTs. */
    boolean reconsidering() {
        return reconsidering;
    }

    /** What /connz shows of the user that let the client in: nats-server's {@code issuerForClient}, JWT tags. */
    private void issued(AuthDecision.Authenticated authenticated) {
        ClientOptions options = connection.options();
        JwtGrant grant = authenticated.jwt();
        if (grant != null) {
            options.issuerKey = grant.issuerKey();
            options.jwtName = grant.nameTag();
            options.jwtTags = grant.tags();
        } else {
            options.issuerKey = authenticated.method() == AuthMethod.NKEY ? authenticated.account() : "";
            options.jwtName = "";
            options.jwtTags = List.of();
        }
        connection.optionsChanged();
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

    /**
     * After a reload, on the connection's thread: a client whose user is gone or now in another account is closed;
     * the others are decided again under the new configuration, and {@code stillIn} runs for those still admitted.
     * After a change of account JWTs ({@code settings} false) operator mode's callout users are not asked about
     * again, as by nats-server: only their account's new JWT can end them ({@link CalloutDecision}).
     */
    void reloaded(ClientCredentials credentials, boolean settings, Runnable stillIn) {
        if (!connectReceived || awaiting || input.deciding()) {
            return;
        }
        if (!settings && policy().authenticator().operatorMode() && callout.decidedByAccountClaims(stillIn)) {
            return;
        }
        if (settings && callout.granted() && policy().authenticator().operatorMode()) {
            // nats-server drops the granted user JWT from the client's options, so its reload finds none (or the
            // default sentinel, asked about in the granted account, where no callout answers) and closes the client.
            LOG.debug("{} - Authentication requires a user JWT", connection);
            failed(CloseReason.AUTHENTICATION_VIOLATION);
            return;
        }
        // A user JWT names its account itself; it is decided again below like any other credentials.
        if (!policy().authenticator().operatorMode() && !callout.granted() && movedToAnotherAccount()) {
            LOG.debug("{} - user or its account changed by a reload", connection);
            connection.closeQuietly(CloseReason.CLIENT_CLOSED);
            return;
        }
        reconsidering = true;
        try {
            authenticate(credentials, stillIn);
        } finally {
            reconsidering = false;
        }
    }

    /**
     * nats-server's {@code clientHasMovedToDifferentAccount}: the client's user or nkey is gone or now belongs to
     * another account. The single user of {@code authorization} is in no list, so nats-server 2.9.10 closes its
     * clients at every reload; so does Natrium.
     */
    private boolean movedToAnotherAccount() {
        if (connection.registered().authenticatedUser().isEmpty()) {
            return false;
        }
        String configuredAccount = policy().accountOf(connection.options().nkey,
                connection.options().user);
        return configuredAccount == null || !configuredAccount.equals(connection.account().name());
    }

    /** nats-server's {@code authViolation}: the log names what the client tried, never its secret. */
    void failed(CloseReason reason) {
        server.events().authenticationFailed(connection.registered());
        AuthConfiguration configuration = policy().authenticator().configuration();
        if (!configuration.nkeyUsers().isEmpty()) {
            LOG.error("{} - authentication error - Nkey {}", connection, GoStrings.quote(connection.options().nkey));
        } else if (!configuration.users().isEmpty()) {
            LOG.error("{} - authentication error - User {}", connection, GoStrings.quote(connection.options().user));
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
