package io.natrium.domain.jwt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JWT library's migration of version 1 claims, which nats-server 2.9.10 still accepts (nsc wrote them before
 * 2020; client test suites such as jnats's carry them as fixtures). Version 1 kept {@code type}, {@code tags} and
 * {@code issuer_account} at the top level and had fewer sections under {@code nats}: the library reads only the
 * fields version 1 had and moves the top-level ones in, so a version 1 claim means what the library's migrated claim
 * means, and nothing a version 2 section could add.
 */
final class V1Claims {

    /** The {@code nats} fields each kind had in version 1, as the library's {@code v1Nats...} structs name them. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            ClaimTypes.OPERATOR, List.of("signing_keys", "account_server_url", "operator_service_urls",
                    "system_account"),
            ClaimTypes.ACCOUNT, List.of("imports", "exports", "limits", "signing_keys", "revocations"),
            ClaimTypes.USER, List.of("pub", "sub", "resp", "src", "times", "times_location", "subs", "data",
                    "payload", "bearer_token"),
            ClaimTypes.ACTIVATION, List.of("subject"));
    /** The user limits version 1 left unlimited when absent ({@code NoLimit}), where version 2 reads a zero. */
    private static final List<String> USER_LIMITS = List.of("subs", "data", "payload");
    private static final JsonNumber NO_LIMIT = new JsonNumber("-1");

    private V1Claims() {
    }

    /** True for the kinds the library migrates; the others are read as version 2 generic claims are. */
    static boolean migrated(String kind) {
        return FIELDS.containsKey(kind);
    }

    /** The version 2 {@code nats} section the library's migration makes of a version 1 claim of {@code kind}. */
    static Map<String, Object> nats(JsonFields claims, String kind) {
        JsonFields old = claims.object("nats");
        Map<String, Object> nats = new LinkedHashMap<>();
        for (String field : FIELDS.get(kind)) {
            Object value = old.raw(field);
            if (value != null) {
                nats.put(field, value);
            }
        }
        if (kind.equals(ClaimTypes.USER)) {
            USER_LIMITS.forEach(limit -> nats.putIfAbsent(limit, NO_LIMIT));
        }
        if (kind.equals(ClaimTypes.ACTIVATION) && old.raw("type") != null) {
            // Version 1 named the export's type "type", which version 2 gave to the claim's own.
            nats.put("kind", old.raw("type"));
        }
        if (kind.equals(ClaimTypes.USER) || kind.equals(ClaimTypes.ACTIVATION)) {
            putIfPresent(nats, "issuer_account", claims.raw("issuer_account"));
        }
        putIfPresent(nats, "tags", claims.raw("tags"));
        nats.put("type", kind);
        nats.put("version", 1);
        return nats;
    }

    private static void putIfPresent(Map<String, Object> nats, String field, Object value) {
        if (value != null) {
            nats.put(field, value);
        }
    }
}
