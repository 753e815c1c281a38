package io.natrium.domain.jwt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A revocation list: public key (or {@code *} for all) to the Unix second up to which JWTs issued for it are
 * revoked.
 */
public record Revocations(Map<String, Long> entries) {

    public static final Revocations NONE = new Revocations(Map.of());
    public static final String ALL = "*";

    public Revocations {
        entries = Map.copyOf(entries);
    }

    static Revocations read(JsonFields holder, String key) {
        JsonFields list = holder.object(key);
        Map<String, Long> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : list.members().entrySet()) {
            Object value = entry.getValue();
            if (value != null && !(value instanceof JsonNumber)) {
                throw JsonFields.mismatch(value, "int64", list.name(entry.getKey()));
            }
            entries.put(entry.getKey(), JsonFields.integer(value, list.name(entry.getKey()), Long.MIN_VALUE,
                    Long.MAX_VALUE, "int64"));
        }
        return new Revocations(entries);
    }

    /** True when a JWT for {@code publicKey} issued at {@code issuedAt} (seconds) is revoked, by name or by {@code *}. */
    public boolean isRevoked(String publicKey, long issuedAt) {
        Long all = entries.get(ALL);
        if (all != null && all >= issuedAt) {
            return true;
        }
        Long one = entries.get(publicKey);
        return one != null && one >= issuedAt;
    }
}
