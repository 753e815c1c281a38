package io.natrium.domain.jwt;

/**
 * The part of an auth callout response's checks where config mode and operator mode differ: who may have signed the
 * response, who may have issued the user JWT it grants, and where that user goes with which limits. Refusals are
 * thrown as {@link JwtException}s in nats-server's words (the check title-cases them as nats-server logs them).
 */
public interface CalloutPlacement {

    /**
     * The account the user is placed in, and the limits it gets there (a scoped signing key's template, the
     * {@code scope}; null for an unscoped key).
     */
    record Placed(String account, UserPermissionLimits limits, UserScope scope) {

        public Placed(String account, UserPermissionLimits limits) {
            this(account, limits, null);
        }
    }

    /**
     * Checks who signed a response that came in clear (a sealed one proved itself by the sealing).
     *
     * @param account the callout account, named in the texts
     */
    void checkSigner(AuthorizationResponseClaims response, String account);

    /**
     * @param user    the granted user JWT, valid and for the request's user key
     * @param account the callout account, named in the texts
     */
    Placed place(UserClaims user, String account);
}
