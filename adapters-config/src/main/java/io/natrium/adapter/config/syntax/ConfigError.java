package io.natrium.adapter.config.syntax;

/** A problem with a configuration, at a position: printed as {@code file:line:col: message}, like nats-server. */
public record ConfigError(Position position, String message) {

    @Override
    public String toString() {
        return position + ": " + message;
    }
}
