package io.natrium.testkit.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NATS JWTs (version 2) as nsc writes them, signed with {@link TestNKey}s, and creds files for real clients. Written
 * with Jackson and the JDK, nothing of Natrium's decoder, so the same tokens can be given to nats-server.
 */
public final class TestJwt {

    private static final String HEADER = "{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestJwt() {
    }

    /** Limits that leave an account unlimited, as nsc writes them for a new account. */
    public static Map<String, Object> unlimitedAccount() {
        Map<String, Object> limits = new LinkedHashMap<>();
        for (String key : new String[] {"subs", "data", "payload", "imports", "exports", "conn", "leaf"}) {
            limits.put(key, -1);
        }
        limits.put("wildcards", true);
        return limits;
    }

    /** A user with nothing restricted, as nsc writes it. */
    public static Map<String, Object> unlimitedUser() {
        Map<String, Object> nats = new LinkedHashMap<>();
        nats.put("subs", -1);
        nats.put("data", -1);
        nats.put("payload", -1);
        return nats;
    }

    public static String operator(TestNKey operator, String name, Map<String, Object> nats) {
        return sign(operator, claims(operator, operator.publicKey(), name, "operator", nats, 0));
    }

    public static String account(TestNKey signer, TestNKey account, String name, Map<String, Object> nats) {
        return sign(signer, claims(signer, account.publicKey(), name, "account", nats, 0));
    }

    public static String user(TestNKey signer, TestNKey user, String name, Map<String, Object> nats, long expires) {
        return sign(signer, claims(signer, user.publicKey(), name, "user", nats, expires));
    }

    /** The registered claims and the {@code nats} section; {@code expires} 0 for never. */
    public static Map<String, Object> claims(TestNKey issuer, String subject, String name, String type,
            Map<String, Object> nats, long expires) {
        Map<String, Object> section = new LinkedHashMap<>(nats);
        section.put("type", type);
        section.put("version", 2);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", Long.toString(System.nanoTime(), 36).toUpperCase());
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("iss", issuer.publicKey());
        claims.put("name", name);
        claims.put("sub", subject);
        if (expires != 0) {
            claims.put("exp", expires);
        }
        claims.put("nats", section);
        return claims;
    }

    public static String sign(TestNKey signer, Map<String, Object> claims) {
        try {
            String signed = base64(HEADER.getBytes(UTF_8)) + "." + base64(JSON.writeValueAsBytes(claims));
            return signed + "." + base64(signer.sign(signed.getBytes(UTF_8)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A creds file as nsc writes it: the user JWT, then the user's seed. */
    public static Path credsFile(Path file, String userJwt, TestNKey user) throws IOException {
        String creds = "-----BEGIN NATS USER JWT-----\n" + userJwt + "\n------END NATS USER JWT------\n\n"
                + "************************* IMPORTANT *************************\n"
                + "NKEY Seed printed below can be used to sign and prove identity.\n\n"
                + "-----BEGIN USER NKEY SEED-----\n" + user.seed() + "\n------END USER NKEY SEED------\n\n"
                + "*************************************************************\n";
        return Files.writeString(file, creds);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
