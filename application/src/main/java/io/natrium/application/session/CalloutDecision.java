package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.domain.auth.AuthDecision;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.Rejection;
import io.natrium.domain.jwt.AccountClaims;
import io.natrium.domain.jwt.CalloutGrant;
import io.natrium.domain.jwt.CalloutProxy;
import io.natrium.domain.jwt.CalloutResponseCheck.Verdict;

/**
 * Auth callout's turn in deciding a client (config or operator mode): when {@link ClientCallout#decides} says so, the
 * request goes out with the client's input held, and the answer, or the timeout, is applied back on the connection's
 * thread.
 */
final class CalloutDecision {

    private final ClientConnection connection;
    private final ClientAuthentication authentication;
    private final HeldInput input;
    private final SessionExecutor executor;
    private final ServerContext server;
    /** Whether auth callout let this client in: its user is then in no configuration list. */
    private boolean granted;
    /** The user operator mode's callout let in; null for none (or a decision that did not say). */
    private CalloutGrant grant;

    CalloutDecision(ClientConnection connection, ClientAuthentication authentication, HeldInput input,
            SessionExecutor executor, ServerContext server) {
        this.connection = connection;
        this.authentication = authentication;
        this.input = input;
        this.executor = executor;
        this.server = server;
    }

    boolean granted() {
        return granted;
    }

    /** Applies the configuration's {@code decision}, unless the callout decides the client instead. */
    void conclude(AuthDecision decision, ClientCredentials credentials, Runnable admitted) {
        boolean operatorMode = authentication.policy().authenticator().operatorMode();
        if (operatorMode && !authentication.reconsidering()
                && OperatorCallouts.asksAfterRefusal(server, decision, credentials)) {
            // nats-server's request would go to the global account, where nobody answers: none is sent, the client
            // waits for the timeout, with its input held, as there.
            authentication.logRefusal((AuthDecision.Rejected) decision);
            input.hold();
            CalloutProxy proxy = proxy(decision, credentials);
            server.callouts().unanswerable(AccountsSettings.GLOBAL_ACCOUNT, authentication.policy().authTimeout(),
                    answer -> executor.execute(() -> answered(null, proxy, answer, admitted)));
            return;
        }
        AuthCalloutSettings callout = ClientCallout.inForce(server, operatorMode, decision);
        if (!ClientCallout.decides(callout, operatorMode, decision, credentials)) {
            if (authentication.apply(ClientCallout.inCalloutAccount(callout, decision))) {
                granted = false;
                grant = null;
                admitted.run();
            }
            return;
        }
        input.hold();
        CalloutProxy proxy = proxy(decision, credentials);
        server.callouts().authorize(callout, ClientCallout.request(connection, authentication.nonce(), decision),
                proxy, authentication.policy().authTimeout(),
                answer -> executor.execute(() -> answered(callout, proxy, answer, admitted)));
    }

    /**
     * nats-server's {@code proxyRequired} and {@code trustedProxy}: a user the configuration refused for want of a
     * trusted proxy stays refused whatever the callout grants, and a grant that requires one needs the vouch.
     */
    private static CalloutProxy proxy(AuthDecision decision, ClientCredentials credentials) {
        boolean required = decision instanceof AuthDecision.Rejected rejected
                && rejected.reason() == Rejection.PROXY_REQUIRED;
        return new CalloutProxy(required, credentials.viaTrustedProxy());
    }

    private void answered(AuthCalloutSettings callout, CalloutProxy proxy, Verdict answer, Runnable admitted) {
        input.decided();
        if (!connection.isClosed()) {
            if (answer.granted() == null) {
                // nats-server closes with the proxy error the client's own check already set, whatever came back.
                authentication.failed(answer.proxyRequired() || proxy.required()
                        ? CloseReason.PROXY_REQUIRED : CloseReason.AUTHENTICATION_VIOLATION);
            } else if (authentication.apply(ClientCallout.inCalloutAccount(callout, answer.granted()))) {
                granted = true;
                grant = answer.grant();
                admitted.run();
            }
        }
        input.resume();
    }

    /**
     * After a change of account JWTs, a user operator mode's callout let in is not asked about again: as nats-server's
     * {@code updateAccountClaimsWithRefresh} and {@code expiredTimeout}, its account having expired or gone closes it
     * ({@code Account Authentication Expired}), a revocation of its key ({@code User Authentication Revoked}), a
     * change of the signing key that issued it (an authentication violation, without {@code -ERR}); else it stays,
     * with its account's limits. False when there is no such grant: the caller decides the client as any other.
     */
    boolean decidedByAccountClaims(Runnable stillIn) {
        if (!granted || grant == null) {
            return false;
        }
        AccountClaims claims = OperatorCallouts.claims(server, grant.account());
        if (claims == null || server.accountEndedByClaims(grant.account())) {
            ClaimsChangeClosing.accountEnded(connection);
            return true;
        }
        switch (grant.under(claims)) {
            case REVOKED -> ClaimsChangeClosing.revoked(connection);
            case SIGNER_CHANGED -> connection.closeQuietly(CloseReason.AUTHENTICATION_VIOLATION);
            default -> {
                LimitsAtConnect.apply(connection, executor);
                stillIn.run();
            }
        }
        return true;
    }
}
