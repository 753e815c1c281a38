package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.auth.NKeySeed;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes claims as a signed NATS JWT, as the JWT library's {@code Encode} does: the header
 * {@code {"typ":"JWT","alg":"ed25519-nkey"}}, the claims as Go's {@code json.Marshal} writes the library's struct
 * (see {@link GoClaimsJson}), both in unpadded base64url, and the Ed25519 signature of the two by the issuer's seed,
 * whose public key becomes {@code iss}. Unlike the library it keeps the claims' {@code jti} and {@code iat}, so that
 * the same claims always encode alike.
 */
public final class JwtEncoder {

    private static final String HEADER = "{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private JwtEncoder() {
    }

    /**
     * Signs {@code claims} (a tree as {@link GoClaimsJson} makes it, or one written in its form) with
     * {@code issuer}; the claims must have a subject, as the library requires.
     */
    public static String encode(Map<String, Object> claims, NKeySeed issuer) {
        Object subject = claims.get("sub");
        if (!(subject instanceof String text) || text.isEmpty()) {
            throw new JwtException("subject is not set");
        }
        Map<String, Object> signed = new LinkedHashMap<>(claims);
        signed.put("iss", issuer.publicKey().encoded());
        String body = base64(HEADER) + "." + base64(GoJsonWriter.write(reordered(signed)));
        return body + "." + BASE64.encodeToString(issuer.sign(body.getBytes(UTF_8)));
    }

    /** The registered claims in the library's order, then {@code nats}. */
    private static Map<String, Object> reordered(Map<String, Object> claims) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Shape.Field field : GoClaimShapes.CLAIMS_DATA.fields()) {
            if (claims.containsKey(field.name())) {
                ordered.put(field.name(), claims.get(field.name()));
            }
        }
        claims.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static String base64(String text) {
        return BASE64.encodeToString(text.getBytes(UTF_8));
    }
}
