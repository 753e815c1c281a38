package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.auth.Base32;
import io.natrium.domain.auth.NKeyPair;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Function;

/**
 * Signs claims into a NATS JWT as the JWT library's {@code ClaimsData.encode}: the header of version 2
 * ({@code ed25519-nkey}), the claims whose {@code jti} is the base32 SHA-512/256 of the claims written without it,
 * and the Ed25519 signature of {@code header.claims}, each chunk unpadded base64url.
 */
public final class JwtEncoder {

    private static final String HEADER = "{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private JwtEncoder() {
    }

    /**
     * @param claims the claims' JSON for a given {@code jti} ("" for none: the text the id is the hash of)
     * @param signer the issuer's key
     */
    public static String encode(Function<String, String> claims, NKeyPair signer) {
        String id = Base32.encode(sha512256(claims.apply("").getBytes(UTF_8)));
        String signed = chunk(HEADER) + "." + chunk(claims.apply(id));
        return signed + "." + BASE64.encodeToString(signer.sign(signed.getBytes(UTF_8)));
    }

    private static String chunk(String json) {
        return BASE64.encodeToString(json.getBytes(UTF_8));
    }

    private static byte[] sha512256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512/256").digest(data);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime since 9 has SHA-512/256", missing);
        }
    }
}
