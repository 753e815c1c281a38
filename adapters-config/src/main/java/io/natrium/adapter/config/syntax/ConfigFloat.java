package io.natrium.adapter.config.syntax;

/** A floating-point number. */
public record ConfigFloat(Position position, double value) implements ConfigValue {

    @Override
    public String kind() {
        return "float64";
    }
}
