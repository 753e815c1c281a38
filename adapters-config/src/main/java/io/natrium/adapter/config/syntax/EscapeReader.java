package io.natrium.adapter.config.syntax;

import static io.natrium.adapter.config.syntax.Characters.EOF;
import static io.natrium.adapter.config.syntax.Characters.describe;
import static io.natrium.adapter.config.syntax.Characters.isNewline;

import java.util.List;

/**
 * The escapes of double-quoted and unquoted strings, as nats-server's lexer reads them: {@code \t}, {@code \n},
 * {@code \r}, {@code \"}, {@code \\} and {@code \xXX} (one byte). A bad escape is an error added to the list, after
 * which lexing goes on with the string. Apart from the {@link Lexer} because these rules are the same wherever a
 * string may hold an escape, and are the only place a string is built byte by byte.
 */
final class EscapeReader {

    private final Cursor cursor;
    private final List<ConfigError> errors;

    EscapeReader(Cursor cursor, List<ConfigError> errors) {
        this.cursor = cursor;
        this.errors = errors;
    }

    /** Reads an escape after a backslash into {@code out}; a bad escape is reported and lexing goes on. */
    void read(EscapedText out) {
        Position at = cursor.position();
        cursor.advance();
        int c = cursor.peek();
        switch (c) {
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'x' -> {
                cursor.advance();
                hexByte(out, at);
                return;
            }
            default -> {
                errors.add(new ConfigError(at, "Invalid escape character '" + describe(c) + "'. Only the following "
                        + "escape characters are allowed: \\xXX, \\t, \\n, \\r, \\\", \\\\."));
                if (c == EOF || isNewline(c)) {
                    return;
                }
                out.append((char) c);
            }
        }
        cursor.advance();
    }

    private void hexByte(EscapedText out, Position at) {
        int high = cursor.peek();
        int low = isNewline(high) || high == EOF ? high : cursor.peekNext();
        if (isNewline(high) || isNewline(low) || high == EOF || low == EOF) {
            errors.add(new ConfigError(at, "Expected two hexadecimal digits after '\\x', but hit end of "
                    + (isNewline(high) || isNewline(low) ? "line" : "file")));
            if (!isNewline(high) && high != EOF) {
                cursor.advance();
            }
            return;
        }
        cursor.advance();
        cursor.advance();
        int value = Character.digit(high, 16) << 4 | Character.digit(low, 16);
        if (Character.digit(high, 16) < 0 || Character.digit(low, 16) < 0 || high > 0x7F || low > 0x7F) {
            errors.add(new ConfigError(at, "Expected two hexadecimal digits after '\\x', but got '"
                    + (char) high + (char) low + "'"));
            return;
        }
        out.appendByte(value);
    }
}
