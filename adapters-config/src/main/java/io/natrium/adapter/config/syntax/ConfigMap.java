package io.natrium.adapter.config.syntax;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A map (a block, or the whole file), keys in file order. A key written twice keeps its last value, as in
 * nats-server. Keys are matched case-insensitively by {@link #get}, as nats-server's option processing does.
 */
public record ConfigMap(Position position, Map<String, ConfigEntry> entries) implements ConfigValue {

    public ConfigMap {
        entries = new LinkedHashMap<>(entries);
    }

    @Override
    public String kind() {
        return "map[string]interface {}";
    }

    /** The entries in file order. */
    public Collection<ConfigEntry> all() {
        return entries.values();
    }

    /** The entry for a key, case-insensitively, or null. */
    public ConfigEntry get(String key) {
        ConfigEntry exact = entries.get(key);
        if (exact != null) {
            return exact;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (ConfigEntry entry : entries.values()) {
            if (entry.key().toLowerCase(Locale.ROOT).equals(lower)) {
                return entry;
            }
        }
        return null;
    }
}
