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
     */
    record Authenticated(AuthMethod method, String identity, String account, Permissions permissions)
            implements AuthDecision {

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
     */
    record Rejected(Rejection reason) implements AuthDecision {

        @Override
        public boolean authenticated() {
            return false;
        }
    }
}
