package io.natrium.adapter.config.syntax;

/**
 * A piece of a configuration as the {@link Lexer} reads it: what it is, its text (escapes already applied, quotes and
 * the {@code $} of a variable removed) and where it starts.
 */
record Token(Kind kind, String text, Position position) {

    enum Kind {
        /** A key, quoted or not. */
        KEY,
        /** The path after the {@code include} keyword. */
        INCLUDE,
        STRING,
        /** {@code true/false/yes/no/on/off}, unquoted, any case. */
        BOOL,
        /** Digits with an optional sign and size suffix, as written: {@code -2}, {@code 64MiB}. */
        INTEGER,
        FLOAT,
        /** {@code 2006-01-02T15:04:05Z}. */
        DATE,
        /** An unquoted {@code $name}; the text is the name. */
        VARIABLE,
        ARRAY_START,
        MAP_START
    }
}
