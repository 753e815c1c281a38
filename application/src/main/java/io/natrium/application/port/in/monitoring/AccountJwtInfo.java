package io.natrium.application.port.in.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What /accountz shows of an account that an account JWT defines (nats-server's {@code AccountInfo} fields
 * {@code jwt}, {@code issuer_key}, {@code name_tag}, {@code tags}, {@code decoded_jwt}, {@code revoked_user}).
 *
 * @param jwt          the account JWT
 * @param issuerKey    the key that issued it (the operator's or a signing key)
 * @param nameTag      its {@code name}
 * @param tags         its tags
 * @param decoded      its claims as the JWT library's struct marshals (ordered maps, lists, strings, longs,
 *                     booleans); empty when there is no JWT
 * @param revokedUsers the users (or {@code *}) it revokes, each up to when
 */
public record AccountJwtInfo(String jwt, String issuerKey, String nameTag, List<String> tags,
        Map<String, Object> decoded, Map<String, Instant> revokedUsers) {

    /** An account of the configuration, with no JWT. */
    public static final AccountJwtInfo NONE = new AccountJwtInfo("", "", "", List.of(), Map.of(), Map.of());

    public AccountJwtInfo {
        tags = List.copyOf(tags);
        revokedUsers = Map.copyOf(revokedUsers);
    }
}
