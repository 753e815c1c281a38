package io.natrium.domain.jwt;

import java.util.List;

/** An operator JWT: self-signed by the operator's key (or one of its signing keys), trusted through the config. */
public record OperatorClaims(ClaimsData data, List<String> signingKeys, String accountServerUrl,
        List<String> operatorServiceUrls, String systemAccount, String assertServerVersion,
        boolean strictSigningKeyUsage, List<String> tags, int version) implements Claims {

    public OperatorClaims {
        signingKeys = List.copyOf(signingKeys);
        operatorServiceUrls = List.copyOf(operatorServiceUrls);
        tags = List.copyOf(tags);
    }

    @Override
    public String type() {
        return ClaimTypes.OPERATOR;
    }

    /** True when {@code issuer} is this operator's key or one of its signing keys ({@code DidSign}). */
    public boolean signedBy(String issuer) {
        return issuer.equals(data.subject()) || signingKeys.contains(issuer);
    }

    /** The checks of the JWT library's {@code OperatorClaims.Validate} that decide anything for a server. */
    public void validate(long nowSeconds) {
        data.checkTimes(nowSeconds);
        for (String key : signingKeys) {
            if (!Keys.isOperator(key)) {
                throw new JwtException(key + " is not an operator public key");
            }
        }
        if (!systemAccount.isEmpty() && !Keys.isAccount(systemAccount)) {
            throw new JwtException(systemAccount + " is not an account public key");
        }
    }
}
