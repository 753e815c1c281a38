package io.natrium.adapter.config.syntax;

/** A string value: quoted, unquoted or a block string; {@code value} has escapes and variables resolved. */
public record ConfigString(Position position, String value) implements ConfigValue {

    @Override
    public String kind() {
        return "string";
    }
}
