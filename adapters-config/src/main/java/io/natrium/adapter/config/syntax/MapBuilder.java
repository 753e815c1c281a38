package io.natrium.adapter.config.syntax;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** A map being read: entries in file order, a key written again replacing the earlier entry (and moving last). */
final class MapBuilder {

    private final Map<String, ConfigEntry> entries = new LinkedHashMap<>();

    void put(ConfigEntry entry) {
        entries.remove(entry.key());
        entries.put(entry.key(), entry);
    }

    /** The entry with exactly this key (variables are case-sensitive), or null. */
    ConfigEntry get(String key) {
        return entries.get(key);
    }

    /** Marks the entry as read by a variable reference, keeping its place. */
    void markUsedAsVariable(String key) {
        entries.computeIfPresent(key, (k, entry) -> entry.asUsedVariable());
    }

    Collection<ConfigEntry> entries() {
        return entries.values();
    }

    ConfigMap build(Position position) {
        return new ConfigMap(position, entries);
    }
}
