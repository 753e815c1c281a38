package io.natrium.adapter.config.syntax;

import java.util.List;

/** An array. */
public record ConfigList(Position position, List<ConfigValue> values) implements ConfigValue {

    public ConfigList {
        values = List.copyOf(values);
    }

    @Override
    public String kind() {
        return "[]interface {}";
    }
}
