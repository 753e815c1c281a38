package io.natrium.application.session;

import io.natrium.domain.auth.JwtGrant;

/**
 * A client's payload and subscription limits: its user JWT's, its account's and the server's, whichever is lowest
 * ({@link Limits}). The grant changes at CONNECT and reload on the connection's thread; publishers read the payload
 * limit from theirs.
 */
final class ClientLimits {

    private final ClientConnection connection;
    /** What the client's user JWT granted (operator mode); null otherwise. */
    private volatile JwtGrant jwtGrant;

    ClientLimits(ClientConnection connection) {
        this.connection = connection;
    }

    JwtGrant jwtGrant() {
        return jwtGrant;
    }

    void jwtGranted(JwtGrant grant) {
        jwtGrant = grant;
    }

    /** The largest payload; {@link Integer#MAX_VALUE} for none. */
    int maxPayload() {
        JwtGrant grant = jwtGrant;
        int limit = Limits.effective(grant == null ? Limits.NONE : grant.payload(),
                connection.account().limits().maxPayload(), connection.settings().maxPayload());
        return limit == Limits.NONE ? Integer.MAX_VALUE : limit;
    }

    /** The most subscriptions; {@link Limits#NONE} for none. */
    int maxSubscriptions() {
        JwtGrant grant = jwtGrant;
        return Limits.effective(grant == null ? Limits.NONE : grant.subscriptions(),
                connection.account().limits().maxSubscriptions(), connection.settings().maxSubscriptions());
    }
}
