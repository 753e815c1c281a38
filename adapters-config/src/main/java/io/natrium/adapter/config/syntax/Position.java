package io.natrium.adapter.config.syntax;

/**
 * Where something stands in a configuration file: 1-based line and column, as nats-server reports them
 * ({@code file:line:col}). {@code file} is empty for text that did not come from a file.
 */
public record Position(String file, int line, int column) {

    @Override
    public String toString() {
        return (file.isEmpty() ? "" : file + ":") + line + ":" + column;
    }
}
