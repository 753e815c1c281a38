package io.natrium.adapter.config.syntax;

/**
 * A value in a configuration file, with the position it was written at. The kinds are those of nats-server's
 * parser: maps, arrays, strings, 64-bit integers (size suffixes already applied), floats, booleans and dates.
 */
public sealed interface ConfigValue
        permits ConfigMap, ConfigList, ConfigString, ConfigInteger, ConfigFloat, ConfigBoolean, ConfigDate {

    Position position();

    /** The kind as nats-server's error messages name it ({@code string}, {@code int64}, {@code map}, ...). */
    String kind();
}
