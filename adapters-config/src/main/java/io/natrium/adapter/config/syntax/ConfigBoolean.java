package io.natrium.adapter.config.syntax;

/** {@code true/false}, {@code yes/no}, {@code on/off} (any case). */
public record ConfigBoolean(Position position, boolean value) implements ConfigValue {

    @Override
    public String kind() {
        return "bool";
    }
}
