package io.natrium.adapter.config.syntax;

/**
 * Unwinds from the point where the text stopped making sense to the innermost map, array or top-level loop, which
 * records the error and resumes after it. It never leaves the package: callers get {@link ConfigError}s.
 */
final class SyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ConfigError error;

    SyntaxException(ConfigError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ConfigError error() {
        return error;
    }
}
