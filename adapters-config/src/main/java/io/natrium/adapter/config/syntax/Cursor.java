package io.natrium.adapter.config.syntax;

import static io.natrium.adapter.config.syntax.Characters.EOF;
import static io.natrium.adapter.config.syntax.Characters.isBlank;
import static io.natrium.adapter.config.syntax.Characters.isNewline;
import static io.natrium.adapter.config.syntax.Characters.isSpace;

/**
 * A position in one configuration text, counting lines and columns (1-based; a tab and a character outside the
 * Basic Multilingual Plane are one column each), with the skips the parser needs between entries and to recover
 * after an error.
 */
final class Cursor {

    private final String text;
    private final String file;

    private int index;
    private int line = 1;
    private int column = 1;

    Cursor(String text, String file) {
        this.text = text;
        this.file = file;
    }

    int peek() {
        return index < text.length() ? text.charAt(index) : EOF;
    }

    int peekNext() {
        return index + 1 < text.length() ? text.charAt(index + 1) : EOF;
    }

    boolean atEnd() {
        return index >= text.length();
    }

    int offset() {
        return index;
    }

    void advance() {
        if (index >= text.length()) {
            return;
        }
        char c = text.charAt(index++);
        if (c == '\n') {
            line++;
            column = 1;
        } else if (!Character.isHighSurrogate(c)) {
            // A surrogate pair is one character on screen: the column moves once, on its second half.
            column++;
        }
    }

    Position position() {
        return new Position(file, line, column);
    }

    /** An error at the cursor, for the caller to throw. */
    SyntaxException error(String message) {
        return error(position(), message);
    }

    SyntaxException error(Position at, String message) {
        return new SyntaxException(new ConfigError(at, message));
    }

    /** The text from {@code from} up to the cursor. */
    String textFrom(int from) {
        return text.substring(from, index);
    }

    /** The character just before the cursor. */
    int previous() {
        return index > 0 ? text.charAt(index - 1) : EOF;
    }

    void skipBlanks() {
        while (isBlank(peek())) {
            advance();
        }
    }

    void skipSpaces() {
        while (isSpace(peek())) {
            advance();
        }
    }

    /** At {@code #} or {@code //}. */
    boolean atComment() {
        int c = peek();
        return c == '#' || c == '/' && peekNext() == '/';
    }

    /** At a {@code /} that does not open a comment, which nats-server takes differently in each place. */
    boolean atLoneSlash() {
        return peek() == '/' && peekNext() != '/';
    }

    /** Skips a comment up to (not including) the end of its line. */
    void skipComment() {
        while (!atEnd() && !isNewline(peek())) {
            advance();
        }
    }

    /** Skips spaces, newlines and comments: what may come between the entries of a map or the values of an array. */
    void skipSpacesAndComments() {
        while (true) {
            skipSpaces();
            if (!atComment()) {
                return;
            }
            skipComment();
        }
    }

    /**
     * After an error: skips to the end of the line, or to {@code closer} (the brace or bracket that ends the
     * enclosing map or array, not consumed), whichever comes first outside any brackets opened on the way.
     */
    void skipToRecoveryPoint(int closer) {
        int depth = 0;
        while (!atEnd()) {
            int c = peek();
            if (depth == 0 && (isNewline(c) || c == closer)) {
                return;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && depth > 0) {
                depth--;
            }
            advance();
        }
    }

    /** Skips the rest of a map or array whose opening bracket was just read, up to and including its closer. */
    void skipNested() {
        int depth = 1;
        while (!atEnd() && depth > 0) {
            int c = peek();
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            advance();
        }
    }
}
