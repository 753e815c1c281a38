package io.natrium.adapter.config.syntax;

/**
 * One key of a map, with the position of the key itself (where nats-server reports an unknown field).
 *
 * @param usedAsVariable whether a later {@code $key} reference read this entry. nats-server does not report such a
 *                       key as an unknown field (a top-level {@code PASS = secret} only exists to be referenced), so
 *                       the settings mapper needs to know.
 */
public record ConfigEntry(String key, Position keyPosition, ConfigValue value, boolean usedAsVariable) {

    /** An entry that no variable has referenced (yet). */
    public ConfigEntry(String key, Position keyPosition, ConfigValue value) {
        this(key, keyPosition, value, false);
    }

    /** This entry, marked as read by a variable reference. */
    public ConfigEntry asUsedVariable() {
        return usedAsVariable ? this : new ConfigEntry(key, keyPosition, value, true);
    }
}
