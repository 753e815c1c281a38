package io.natrium.adapter.config.syntax;

/** One key of a map, with the position of the key itself (where nats-server reports an unknown field). */
public record ConfigEntry(String key, Position keyPosition, ConfigValue value) {
}
