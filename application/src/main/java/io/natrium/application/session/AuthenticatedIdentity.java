package io.natrium.application.session;

import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.auth.AuthMethod;
import io.natrium.domain.text.GoStrings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who a client let in is known as, in logs and monitoring, by the way it was let in. */
final class AuthenticatedIdentity {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private AuthenticatedIdentity() {
    }

    static void record(ClientConnection connection, Authenticated authenticated) {
        ClientOptions options = connection.options();
        if (authenticated.method() == AuthMethod.CERTIFICATE) {
            // A user named in CONNECT is warned about by the server, as nats-server does.
            if (!options.user.isEmpty()) {
                LOG.warn("User {} found in connect proto, but user required from cert",
                        GoStrings.quote(options.user));
            }
            options.user = authenticated.identity();
        } else if (authenticated.method() == AuthMethod.USER && options.user.isEmpty()) {
            // Let in as the no_auth_user (or a cookie's user): monitoring names it, as nats-server's /connz does.
            options.noAuthUser = authenticated.identity();
        } else if (authenticated.method() == AuthMethod.JWT) {
            options.jwtSubject = authenticated.identity();
        } else if (authenticated.method() == AuthMethod.CALLOUT && !authenticated.identity().isEmpty()) {
            // The granted user JWT's name becomes the client's user, as nats-server overrides the username.
            options.user = authenticated.identity();
            options.nkey = "";
            options.authToken = "";
        } else {
            return;
        }
        connection.optionsChanged();
    }
}
