package io.natrium.application.port.in.monitoring;

import io.natrium.domain.jwt.ValidationIssue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What /accountz shows of an account that an account JWT defines (nats-server's {@code AccountInfo} fields
 * {@code jwt}, {@code issuer_key}, {@code name_tag}, {@code tags}, {@code decoded_jwt}, {@code revoked_user}, {@code validation_result_jwt}).
 *
 * @param jwt          the account JWT
 * @param issuerKey    the key that issued it (the operator's or a signing key)
 * @param nameTag      its {@code name}
 * @param tags         its tags
 * @param decoded      its claims as the JWT library's struct marshals (ordered maps, lists, strings, longs,
 *                     booleans); empty when there is no JWT
 * @param revokedUsers the users (or {@code *}) it revokes, each up to when
 * @param issues       what the JWT library's {@code Validate} finds in it now (nats-server's
 *                     {@code validation_result_jwt}), in the library's order
 */
public record AccountJwtInfo(String jwt, String issuerKey, String nameTag, List<String> tags,
        Map<String, Object> decoded, Map<String, Instant> revokedUsers, List<ValidationIssue> issues) {

    /** An account of the configuration, with no JWT. */
    public static final AccountJwtInfo NONE = new AccountJwtInfo("", "", "", List.of(), Map.of(), Map.of(),
            List.of());

    public AccountJwtInfo {
        tags = List.copyOf(tags);
        revokedUsers = Map.copyOf(revokedUsers);
        issues = List.copyOf(issues);
    }
}
