package io.natrium.adapter.config.syntax;

/**
 * A problem with a configuration, at a position: printed as {@code file:line:col: message}, like nats-server; a
 * problem without a position (a file that could not be read) is its message alone.
 */
public record ConfigError(Position position, String message) {

    @Override
    public String toString() {
        return position == null ? message : position + ": " + message;
    }
}
