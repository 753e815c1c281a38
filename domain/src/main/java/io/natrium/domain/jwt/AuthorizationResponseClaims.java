package io.natrium.domain.jwt;

import io.natrium.domain.auth.NKeyType;

import java.util.List;

/**
 * An auth callout service's answer, the JWT library's {@code AuthorizationResponseClaims}: for the user key of the
 * request (the subject) and the server (the audience), either a user JWT or an error text.
 */
public record AuthorizationResponseClaims(ClaimsData data, String jwt, String error, String issuerAccount,
        List<String> tags, int version) implements Claims {

    static final String TYPE = "authorization_response";

    public AuthorizationResponseClaims {
        tags = List.copyOf(tags);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The first problem the JWT library's {@code Validate} would report at {@code nowSeconds}; null when none. */
    public String firstIssue(long nowSeconds) {
        if (!Keys.isUser(data.subject())) {
            return "Subject must be a user public key";
        }
        if (!Keys.is(data.audience(), NKeyType.SERVER)) {
            return "Audience must be a server public key";
        }
        if (error.isEmpty() && jwt.isEmpty()) {
            return "Error or Jwt is required";
        }
        if (!error.isEmpty() && !jwt.isEmpty()) {
            return "Only Error or Jwt can be set";
        }
        if (!issuerAccount.isEmpty() && !Keys.isAccount(issuerAccount)) {
            return "issuer_account is not an account public key";
        }
        if (data.isExpired(nowSeconds)) {
            return "claim is expired";
        }
        return data.isNotYetValid(nowSeconds) ? "claim is not yet valid" : null;
    }
}
