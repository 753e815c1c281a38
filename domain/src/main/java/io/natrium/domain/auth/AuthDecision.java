package io.natrium.domain.auth;

import io.natrium.domain.permission.Permissions;

/** The outcome of authenticating a CONNECT. */
public sealed interface AuthDecision permits AuthDecision.Authenticated, AuthDecision.Rejected {

    /** True when the client was let in. */
    boolean authenticated();

    /**
     * The client is in.
     *
     * @param method      how
     * @param identity    the username or nkey it is known by; null when none (no auth required, token)
     * @param account     the account it joins
     * @param permissions what it may do
     * @param jwt         what a user JWT adds (limits, expiry, tags); null for other methods
     */
    record Authenticated(AuthMethod method, String identity, String account, Permissions permissions, JwtGrant jwt)
            implements AuthDecision {

        public Authenticated(AuthMethod method, String identity, String account, Permissions permissions) {
            this(method, identity, account, permissions, null);
        }

        static Authenticated anonymous(AuthMethod method) {
            return new Authenticated(method, null, AccountNames.GLOBAL, Permissions.unrestricted());
        }

        @Override
        public boolean authenticated() {
            return true;
        }
    }

    /**
     * The client is refused: {@code -ERR 'Authorization Violation'}, then closed.
     *
     * @param reason why, for the debug log
     * @param detail what nats-server adds to the reason in its log line (a JWT error); "" for nothing
     */
    record Rejected(Rejection reason, String detail) implements AuthDecision {

        public Rejected(Rejection reason) {
            this(reason, "");
        }

        /** The log text: the reason, with its detail as nats-server appends it ({@code "User JWT not valid: ..."}). */
        public String description() {
            if (detail.isEmpty()) {
                return reason.description();
            }
            if (reason == Rejection.ACCOUNT_NOT_PINNED) {
                return "Account " + detail + " " + reason.description();
            }
            // nats-server writes "Bad src Ip 10.0.0.1" but "User JWT not valid: <error>".
            return reason.description() + (reason == Rejection.SOURCE_NOT_ALLOWED ? " " : ": ") + detail;
        }

        @Override
        public boolean authenticated() {
            return false;
        }
    }
}
