package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.domain.auth.AuthDecision;
import io.natrium.domain.auth.ClientCredentials;

/**
 * Auth callout's turn in deciding a client (config or operator mode): when {@link ClientCallout#decides} says so, the request
 * goes out with the client's input held, and the answer, or the timeout, is applied back on the connection's thread.
 */
final class CalloutDecision {

    private final ClientConnection connection;
    private final ClientAuthentication authentication;
    private final HeldInput input;
    private final SessionExecutor executor;
    private final ServerContext server;
    /** Whether auth callout let this client in: its user is then in no configuration list. */
    private boolean granted;

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
        AuthCalloutSettings callout = ClientCallout.inForce(server, operatorMode, decision);
        if (!ClientCallout.decides(callout, operatorMode, decision, credentials)) {
            if (authentication.apply(ClientCallout.inCalloutAccount(callout, decision))) {
                granted = false;
                admitted.run();
            }
            return;
        }
        input.hold();
        server.callouts().authorize(callout, ClientCallout.request(connection, authentication.nonce(), decision),
                authentication.policy().authTimeout(),
                answer -> executor.execute(() -> answered(callout, answer, admitted)));
    }

    private void answered(AuthCalloutSettings callout, AuthDecision.Authenticated answer, Runnable admitted) {
        input.decided();
        if (!connection.isClosed()) {
            if (answer == null) {
                authentication.failed(CloseReason.AUTHENTICATION_VIOLATION);
            } else if (authentication.apply(ClientCallout.inCalloutAccount(callout, answer))) {
                granted = true;
                admitted.run();
            }
        }
        input.resume();
    }
}
