package io.natrium.adapter.config.syntax;

import java.time.Instant;

/** An ISO-8601 date-time in UTC ({@code 2006-01-02T15:04:05Z}). */
public record ConfigDate(Position position, Instant value) implements ConfigValue {

    @Override
    public String kind() {
        return "time.Time";
    }
}
