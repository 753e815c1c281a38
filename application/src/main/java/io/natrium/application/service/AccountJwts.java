package io.natrium.application.service;

import io.natrium.application.port.in.monitoring.AccountJwtInfo;
import io.natrium.application.settings.OperatorSettings;
import io.natrium.domain.jwt.AccountClaims;
import io.natrium.domain.jwt.GoClaimsJson;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account JWT behind an account of operator mode, as /accountz shows it: the JWT in force (the memory resolver's,
 * a directory resolver's or a fetched one) for the account's public key, which is its name. Decoded again for each
 * request, which monitoring can afford.
 */
final class AccountJwts {

    private AccountJwts() {
    }

    /** The account's JWT and what it says; {@link AccountJwtInfo#NONE} for an account no JWT defines. */
    static AccountJwtInfo of(OperatorSettings operator, Map<String, String> inForce, String account, Instant now) {
        String jwt = operator.enabled() ? inForce.get(account) : null;
        if (jwt == null) {
            return AccountJwtInfo.NONE;
        }
        try {
            AccountClaims claims = JwtDecoder.decodeAccount(jwt);
            Map<String, Instant> revoked = new LinkedHashMap<>();
            claims.revocations().entries().forEach((user, until) -> revoked.put(user, Instant.ofEpochSecond(until)));
            return new AccountJwtInfo(jwt, claims.data().issuer(), claims.data().name(), claims.tags(),
                    GoClaimsJson.of(jwt), revoked, claims.issues(now.getEpochSecond()));
        } catch (JwtException invalid) {
            // Such an account is never made; a reload may have replaced the JWT since.
            return AccountJwtInfo.NONE;
        }
    }

    /** nats-server marks an account expired once its JWT's expiry has passed. */
    static boolean expired(AccountJwtInfo jwt, Instant now) {
        Object expires = jwt.decoded().get("exp");
        return expires instanceof Long seconds && now.getEpochSecond() > seconds;
    }
}
