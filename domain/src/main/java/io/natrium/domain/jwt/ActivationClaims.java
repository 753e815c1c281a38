package io.natrium.domain.jwt;

import java.util.List;

/**
 * An activation token: the exporting account (or its signing key, then {@code issuer_account}) lets the account in
 * the subject import {@code importSubject} of kind {@code stream} or {@code service}.
 */
public record ActivationClaims(ClaimsData data, String importSubject, String importType, String issuerAccount,
        List<String> tags, int version) implements Claims {

    public ActivationClaims {
        tags = List.copyOf(tags);
    }

    @Override
    public String type() {
        return ClaimTypes.ACTIVATION;
    }

    /** The exporting account: {@code issuer_account} when set, else the issuer. */
    public String exporter() {
        return issuerAccount.isEmpty() ? data.issuer() : issuerAccount;
    }

    public void validate(long nowSeconds) {
        data.checkTimes(nowSeconds);
        if (!importType.equals("stream") && !importType.equals("service")) {
            throw new JwtException("invalid import type: \"" + importType + "\"");
        }
        if (importSubject.isEmpty()) {
            throw new JwtException("subject cannot be empty");
        }
        if (!issuerAccount.isEmpty() && !Keys.isAccount(issuerAccount)) {
            throw new JwtException("account_id is not an account public key");
        }
    }
}
