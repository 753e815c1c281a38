package io.natrium.domain.jwt;

import java.util.Objects;

/**
 * The user an operator-mode auth callout let in, as nats-server keeps it ({@code buildInternalNkeyUser}): the user
 * key, when its JWT was issued, and the signing key that issued it for its account ({@code issuer_account}), so that
 * a change of that account's JWT can end the grant as nats-server's {@code updateAccountClaimsWithRefresh} does,
 * without asking the callout again.
 *
 * @param account    the account the user was placed in
 * @param userKey    the granted user JWT's subject
 * @param issuedAt   its {@code iat}
 * @param signingKey the signing key that issued it when it named an {@code issuer_account}; "" otherwise
 * @param scope      that key's scope when the user was let in; null for none
 */
public record CalloutGrant(String account, String userKey, long issuedAt, String signingKey, UserScope scope) {

    /** What a new JWT of the grant's account does to it. */
    public enum Standing {
        KEPT,
        /** {@code User Authentication Revoked}: a revocation of the user's key, or of all, at or after its iat. */
        REVOKED,
        /** Closed as an authentication violation: the signing key is gone, or its scope changed. */
        SIGNER_CHANGED
    }

    public CalloutGrant {
        Objects.requireNonNull(account);
        Objects.requireNonNull(userKey);
        Objects.requireNonNull(signingKey);
    }

    /** The grant under {@code claims}, the account's JWT now in force. */
    public Standing under(AccountClaims claims) {
        if (claims.revocations().isRevoked(userKey, issuedAt)) {
            return Standing.REVOKED;
        }
        if (!signingKey.isEmpty()
                && (!claims.signedBy(signingKey) || !Objects.equals(scope, claims.scopeOf(signingKey)))) {
            return Standing.SIGNER_CHANGED;
        }
        return Standing.KEPT;
    }
}
