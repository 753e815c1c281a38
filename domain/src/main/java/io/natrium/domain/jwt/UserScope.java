package io.natrium.domain.jwt;

/**
 * A scoped signing key of an account: users it signs must carry no permissions or limits of their own and get the
 * {@code template} instead, after {@link ScopeTemplates} fills in its placeholders.
 */
public record UserScope(String key, String role, UserPermissionLimits template) {

    static UserScope read(JsonFields scope) {
        return new UserScope(scope.string("key"), scope.string("role"),
                UserPermissionLimits.read(scope.object("template")));
    }

    /** The JWT library's {@code ValidateScopedSigner}, in its words. */
    public void checkSigned(UserClaims user) {
        if (!user.data().issuer().equals(key)) {
            throw new JwtException("issuer not the scoped signer");
        }
        if (!user.limits().isEmpty()) {
            throw new JwtException("scoped users require no permissions or limits set");
        }
    }
}
