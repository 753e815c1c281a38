package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.auth.NKeySeed;

import java.util.Base64;
import java.util.Map;

/**
 * A user JWT or creds file looked at offline, as {@code natrium check} reports it: the claims when the token decodes,
 * the first reason it is not valid now in the JWT library's words (decoding, signature, expiry, {@code Validate}),
 * and the creds file's seed, which can sign a nonce as a client would.
 *
 * @param jwt     the token (a creds file's first block, else the text itself, trimmed)
 * @param claims  the decoded claims; null when the token does not decode
 * @param problem why it is not valid now; null when it is
 * @param seed    the creds file's seed; null for a bare JWT or a seed that does not parse
 */
public record UserJwtCheck(String jwt, UserClaims claims, String problem, NKeySeed seed) {

    /** Looks at {@code contents}, a JWT or a creds file, at {@code nowSeconds}. */
    public static UserJwtCheck of(String contents, long nowSeconds) {
        String jwt = DecoratedJwt.jwt(contents).strip();
        NKeySeed seed = NKeySeed.parse(DecoratedJwt.seed(contents));
        UserClaims claims;
        try {
            claims = JwtDecoder.decodeUser(jwt);
        } catch (JwtException invalid) {
            return new UserJwtCheck(jwt, null, invalid.getMessage(), seed);
        }
        try {
            claims.validate(nowSeconds);
        } catch (JwtException invalid) {
            return new UserJwtCheck(jwt, claims, invalid.getMessage(), seed);
        }
        return new UserJwtCheck(jwt, claims, null, seed);
    }

    public boolean valid() {
        return problem == null;
    }

    /** The claims as the JWT library writes them; null when the token does not decode. */
    public Map<String, Object> decoded() {
        return claims == null ? null : GoClaimsJson.of(jwt);
    }

    /** The {@code sig} a client with the creds file's seed sends for {@code nonce}; "" without a seed. */
    public String signature(String nonce) {
        if (seed == null) {
            return "";
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(seed.sign(nonce.getBytes(UTF_8)));
    }

    /** True when the creds file's seed is the user's own key, so that its signatures can be verified. */
    public boolean seedIsTheUsers() {
        return seed != null && claims != null && seed.publicKey().encoded().equals(claims.data().subject());
    }

    /** The claims as compact JSON, as the JWT library writes them. */
    public String decodedJson() {
        Map<String, Object> decoded = decoded();
        return decoded == null ? "" : GoJsonWriter.write(decoded);
    }
}
