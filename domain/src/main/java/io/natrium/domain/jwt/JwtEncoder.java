package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.auth.Base32;
import io.natrium.domain.auth.NKeySeed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes claims as a signed NATS JWT, as the JWT library's {@code Encode} does: the header
 * {@code {"typ":"JWT","alg":"ed25519-nkey"}}, the claims, both in unpadded base64url, and the Ed25519 signature of
 * the two by the issuer. Two forms: claims re-encoded as Go's {@code json.Marshal} writes the library's struct (see
 * {@link GoClaimsJson}), keeping their {@code jti} and {@code iat} so that the same claims always encode alike; and
 * claims the server issues (an auth callout's request), whose {@code jti} is made as the library makes it.
 */
public final class JwtEncoder {

    private static final String HEADER = "{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private JwtEncoder() {
    }

    /**
     * Signs {@code claims} (a tree as {@link GoClaimsJson} makes it, or one written in its form) with
     * {@code issuer}, whose public key becomes {@code iss}; the claims must have a subject, as the library requires.
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

    /**
     * Signs new claims as the library's {@code ClaimsData.encode}: their {@code jti} is the base32 SHA-512/256 of
     * the claims written without it.
     *
     * @param claims the claims' JSON for a given {@code jti} ("" for none: the text the id is the hash of)
     * @param signer the issuer's key
     */
    public static String encode(Function<String, String> claims, NKeySeed signer) {
        String id = Base32.encode(sha512256(claims.apply("").getBytes(UTF_8)));
        String body = base64(HEADER) + "." + base64(claims.apply(id));
        return body + "." + BASE64.encodeToString(signer.sign(body.getBytes(UTF_8)));
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

    private static byte[] sha512256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512/256").digest(data);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime since 9 has SHA-512/256", missing);
        }
    }
}
