package io.natrium.domain.jwt;

import java.util.List;

/**
 * A user JWT: the user's nkey is the subject, the issuer its account or one of the account's signing keys (then
 * {@code issuer_account} names the account).
 */
public record UserClaims(ClaimsData data, UserPermissionLimits limits, String issuerAccount, List<String> tags,
        int version) implements Claims {

    public UserClaims {
        tags = List.copyOf(tags);
    }

    @Override
    public String type() {
        return ClaimTypes.USER;
    }

    /** The account the user belongs to: {@code issuer_account} when set, else the issuer. */
    public String account() {
        return issuerAccount.isEmpty() ? data.issuer() : issuerAccount;
    }

    public UserClaims withLimits(UserPermissionLimits replaced) {
        return new UserClaims(data, replaced, issuerAccount, tags, version);
    }

    /** The JWT library's {@code UserClaims.Validate} at {@code nowSeconds}: times, limits, {@code issuer_account}. */
    public void validate(long nowSeconds) {
        data.checkTimes(nowSeconds);
        limits.validate();
        if (!issuerAccount.isEmpty() && !Keys.isAccount(issuerAccount)) {
            throw new JwtException("account_id is not an account public key");
        }
    }
}
