package io.natrium.domain.jwt;

import java.util.ArrayList;
import java.util.List;

/**
 * The registered claims every NATS JWT carries ({@code jti}, {@code iat}, {@code iss}, {@code name}, {@code sub},
 * {@code exp}, {@code nbf}, {@code aud}); times in Unix seconds, 0 when absent.
 */
public record ClaimsData(String id, long issuedAt, String issuer, String name, String subject, long expires,
        long notBefore, String audience) {

    static ClaimsData read(JsonFields claims) {
        return new ClaimsData(claims.string("jti"), claims.int64("iat"), claims.string("iss"), claims.string("name"),
                claims.string("sub"), claims.int64("exp"), claims.int64("nbf"), claims.string("aud"));
    }

    /** True when the claim has expired at {@code nowSeconds}: nats-server counts the second of {@code exp} valid. */
    public boolean isExpired(long nowSeconds) {
        return expires > 0 && nowSeconds > expires;
    }

    public boolean isNotYetValid(long nowSeconds) {
        return notBefore > 0 && notBefore > nowSeconds;
    }

    /** The library's time checks at {@code nowSeconds}: expired, not yet valid, or both. */
    List<ValidationIssue> timeIssues(long nowSeconds) {
        List<ValidationIssue> issues = new ArrayList<>(2);
        if (isExpired(nowSeconds)) {
            issues.add(ValidationIssue.timeCheck("claim is expired"));
        }
        if (isNotYetValid(nowSeconds)) {
            issues.add(ValidationIssue.timeCheck("claim is not yet valid"));
        }
        return issues;
    }

    /** Refuses a claim that is expired or not yet valid at {@code nowSeconds}, in the JWT library's words. */
    public void checkTimes(long nowSeconds) {
        if (isExpired(nowSeconds)) {
            throw new JwtException("claim is expired");
        }
        if (isNotYetValid(nowSeconds)) {
            throw new JwtException("claim is not yet valid");
        }
    }

    public boolean isSelfSigned() {
        return issuer.equals(subject);
    }
}
