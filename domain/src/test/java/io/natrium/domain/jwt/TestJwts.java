package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JWTs written the way nsc writes them, from maps, with the JDK's base64 and Ed25519 and a JSON writer of its own:
 * nothing of the decoder under test.
 */
final class TestJwts {

    static final String HEADER = "{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}";

    private TestJwts() {
    }

    /** An ordered map of alternating keys and values, for claims with more fields than {@code Map.of} takes. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A token of {@code claims} (which must hold {@code iss}) signed by {@code signer}. */
    static String sign(TestKey signer, Map<String, Object> claims) {
        return signRaw(signer, HEADER, json(claims));
    }

    static String signRaw(TestKey signer, String header, String payload) {
        String signed = base64(header.getBytes(UTF_8)) + "." + base64(payload.getBytes(UTF_8));
        return signed + "." + base64(signer.sign(signed.getBytes(UTF_8)));
    }

    static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The registered claims and a {@code nats} section of a version 2 claim of {@code type}. */
    static Map<String, Object> claims(TestKey issuer, String subject, String type, Map<String, Object> nats) {
        Map<String, Object> section = new LinkedHashMap<>(nats);
        section.put("type", type);
        section.put("version", 2);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", "JTI" + subject.hashCode());
        claims.put("iat", 1_700_000_000L);
        claims.put("iss", issuer.publicKey());
        claims.put("name", type + "-name");
        claims.put("sub", subject);
        claims.put("nats", section);
        return claims;
    }

    static String operator(TestKey operator, Map<String, Object> nats) {
        return sign(operator, claims(operator, operator.publicKey(), "operator", nats));
    }

    static String account(TestKey signer, TestKey account, Map<String, Object> nats) {
        return sign(signer, claims(signer, account.publicKey(), "account", nats));
    }

    static String user(TestKey signer, TestKey user, Map<String, Object> nats) {
        return sign(signer, claims(signer, user.publicKey(), "user", nats));
    }

    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            out.append('"');
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }
}
