package io.natrium.adapter.config.syntax;

/** An integer, with any size suffix applied ({@code 2k} is 2000, {@code 2kb} is 2048). */
public record ConfigInteger(Position position, long value) implements ConfigValue {

    @Override
    public String kind() {
        return "int64";
    }
}
