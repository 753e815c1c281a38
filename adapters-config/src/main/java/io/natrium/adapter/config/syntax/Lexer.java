package io.natrium.adapter.config.syntax;

import static io.natrium.adapter.config.syntax.Characters.EOF;
import static io.natrium.adapter.config.syntax.Characters.describe;
import static io.natrium.adapter.config.syntax.Characters.isBlank;
import static io.natrium.adapter.config.syntax.Characters.isDigit;
import static io.natrium.adapter.config.syntax.Characters.isKeySeparator;
import static io.natrium.adapter.config.syntax.Characters.isNewline;
import static io.natrium.adapter.config.syntax.Characters.isSpace;
import static io.natrium.adapter.config.syntax.Characters.lowerEquals;

import io.natrium.adapter.config.syntax.Token.Kind;

import java.util.List;

/**
 * Reads keys and values out of one configuration text, with the character rules of nats-server's lexer. The language
 * is context dependent (a newline ends a value but not a key, {@code #} opens a comment between entries but is an
 * ordinary character inside an unquoted value), so the {@link Parser} says what it expects next and the lexer reads
 * exactly that: {@link #key} or {@link #value}. Both read from the same {@link Cursor}.
 *
 * <p>Errors after which the token is still usable (a bad escape in a string) are added to the error list and lexing
 * goes on; the others throw {@link SyntaxException} for the parser to recover from. Its length is nats-server's
 * character rules (quoted and unquoted strings, numbers with size units, dates, raw blocks, includes), read top to
 * bottom in one class; the escapes inside strings are {@link EscapeReader}'s.
 */
final class Lexer {

    private static final String DATE_AFTER_YEAR = "00-00T00:00:00Z";

    private final Cursor cursor;
    private final List<ConfigError> errors;
    private final EscapeReader escapes;

    Lexer(Cursor cursor, List<ConfigError> errors) {
        this.cursor = cursor;
        this.errors = errors;
        this.escapes = new EscapeReader(cursor, errors);
    }

    /** The characters after which digits are a complete integer rather than the start of an unquoted string. */
    private static boolean endsNumber(int c) {
        return c == EOF || isNewline(c) || isBlank(c) || c == '}' || c == ';' || c == ',';
    }

    /** The characters that end an unquoted string (not consumed). */
    private static boolean endsUnquoted(int c) {
        return c == EOF || isNewline(c) || isBlank(c) || c == ';' || c == ',' || c == ']' || c == '}';
    }

    private static boolean isSizeSuffix(int c) {
        return "kKmMgGtTpPeE".indexOf(c) >= 0;
    }

    // ---- keys ----

    /**
     * Reads a key at the current (non-space) character: quoted with {@code "} or {@code '} (no escapes), or bare up
     * to a space or {@code =}/{@code :}. A bare {@code include} followed by a space is the include keyword, and the
     * token is then the {@link Kind#INCLUDE} path.
     *
     * @param inMap inside a {@code {...}} value, where nats-server words its end-of-file errors differently
     */
    Token key(boolean inMap) {
        Position start = cursor.position();
        int quote = cursor.peek();
        if (quote == '"' || quote == '\'') {
            cursor.advance();
            String key = upToQuote(quote, start, !inMap ? "Unexpected EOF."
                    : quote == '"' ? "Unexpected EOF processing double quoted map key."
                    : "Unexpected EOF processing quoted map key.");
            return new Token(Kind.KEY, key, start);
        }
        int from = cursor.offset();
        while (!isSpace(cursor.peek()) && !isKeySeparator(cursor.peek())) {
            if (cursor.atEnd()) {
                if (inMap) {
                    throw cursor.error("Unexpected EOF processing map key.");
                }
                break;
            }
            cursor.advance();
        }
        String key = cursor.textFrom(from);
        if (isSpace(cursor.peek()) && isIncludeKeyword(key)) {
            return includePath(start);
        }
        return new Token(Kind.KEY, key, start);
    }

    /**
     * The text up to the closing {@code quote} (no escapes), consumed with the quote; the text ending first is the
     * error {@code atEnd}, reported at {@code start}.
     */
    private String upToQuote(int quote, Position start, String atEnd) {
        int from = cursor.offset();
        while (cursor.peek() != quote) {
            if (cursor.atEnd()) {
                throw cursor.error(start, atEnd);
            }
            cursor.advance();
        }
        String text = cursor.textFrom(from);
        cursor.advance();
        return text;
    }

    /** {@code include} in any case, compared rune by rune as Go's {@code strings.ToLower} would. */
    private static boolean isIncludeKeyword(String key) {
        String keyword = "include";
        if (key.length() != keyword.length()) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            if (Character.toLowerCase(key.charAt(i)) != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private Token includePath(Position keyword) {
        cursor.skipBlanks();
        int c = cursor.peek();
        String problem = switch (c) {
            case '[' -> "start of an array";
            case '{' -> "start of a map";
            case '(' -> "start of a block";
            case '-' -> "start of a number";
            case '\\' -> "escape sequence";
            case '\n', '\r' -> "new line";
            default -> isDigit(c) ? "start of a number" : null;
        };
        if (problem != null) {
            throw cursor.error("Expected include value but found " + problem);
        }
        if (c == '"' || c == '\'') {
            Position start = cursor.position();
            cursor.advance();
            String path = upToQuote(c, start, c == '"' ? "Unexpected EOF in double quoted include"
                    : "Unexpected EOF in quoted include");
            return new Token(Kind.INCLUDE, path, keyword);
        }
        int from = cursor.offset();
        while (!cursor.atEnd() && !isNewline(cursor.peek()) && !isBlank(cursor.peek()) && cursor.peek() != ';' && cursor.peek() != '}'
                && cursor.peek() != '\'') {
            cursor.advance();
        }
        String path = cursor.textFrom(from);
        if (cursor.peek() == '\'') {
            cursor.advance();
        }
        return new Token(Kind.INCLUDE, path, keyword);
    }

    // ---- values ----

    /**
     * Reads a value after optional blanks: a scalar, or the opening bracket of an array or a map (the parser reads
     * their contents). At a terminator ({@code ;}, {@code ,}, end of file...) the value is the empty string.
     */
    Token value() {
        cursor.skipBlanks();
        Position start = cursor.position();
        int c = cursor.peek();
        switch (c) {
            case '[':
                cursor.advance();
                return new Token(Kind.ARRAY_START, "", start);
            case '{':
                cursor.advance();
                return new Token(Kind.MAP_START, "", start);
            case '\'':
                return singleQuoted(start);
            case '"':
                return doubleQuoted(start);
            case '(':
                return blockString(start);
            case '-':
                return negativeNumber(start);
            case '.':
                throw cursor.error("Floats must start with a digit");
            case '\n', '\r':
                throw cursor.error("Expected value but found new line");
            default:
                if (isDigit(c)) {
                    return number(start);
                }
                return unquoted(start, cursor.offset());
        }
    }

    private Token singleQuoted(Position start) {
        cursor.advance();
        int from = cursor.offset();
        while (cursor.peek() != '\'') {
            if (cursor.atEnd()) {
                throw cursor.error(start, "Unexpected EOF in quoted string");
            }
            cursor.advance();
        }
        String value = cursor.textFrom(from);
        cursor.advance();
        return new Token(Kind.STRING, value, start);
    }

    private Token doubleQuoted(Position start) {
        cursor.advance();
        EscapedText value = new EscapedText();
        int segment = cursor.offset();
        while (cursor.peek() != '"') {
            if (cursor.atEnd()) {
                throw cursor.error(start, "Unexpected EOF in quoted string");
            }
            if (cursor.peek() == '\\') {
                value.append(cursor.textFrom(segment));
                escapes.read(value);
                segment = cursor.offset();
            } else {
                cursor.advance();
            }
        }
        value.append(cursor.textFrom(segment));
        cursor.advance();
        return new Token(Kind.STRING, value.toString(), start);
    }

    /**
     * An unquoted string from {@code from} (which may lie before the cursor when a number turned out to be text).
     * Unless it has escapes or was ended by a quote, it may be a boolean or a variable reference instead.
     */
    private Token unquoted(Position start, int from) {
        EscapedText escaped = null;
        int segment = from;
        while (!endsUnquoted(cursor.peek())) {
            if (cursor.peek() == '\'') {
                // A quote ends the string and is dropped; what follows is whatever the caller sees next.
                String value = escaped == null ? cursor.textFrom(from)
                        : escaped.append(cursor.textFrom(segment)).toString();
                cursor.advance();
                return new Token(Kind.STRING, value, start);
            }
            if (cursor.peek() == '\\') {
                if (escaped == null) {
                    escaped = new EscapedText();
                }
                escaped.append(cursor.textFrom(segment));
                escapes.read(escaped);
                segment = cursor.offset();
            } else {
                cursor.advance();
            }
        }
        if (escaped != null) {
            return new Token(Kind.STRING, escaped.append(cursor.textFrom(segment)).toString(), start);
        }
        String value = cursor.textFrom(from);
        if (isBooleanWord(value)) {
            return new Token(Kind.BOOL, value, start);
        }
        if (value.startsWith("$")) {
            return new Token(Kind.VARIABLE, value.substring(1), start);
        }
        return new Token(Kind.STRING, value, start);
    }

    static boolean isBooleanWord(String value) {
        for (String word : new String[] {"true", "false", "yes", "no", "on", "off"}) {
            if (value.length() == word.length() && lowerEquals(value, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A block string: everything after {@code (} up to a {@code )} standing alone at the start of a line (followed
     * by a newline or the end of the file). The newline before the {@code )} belongs to the value.
     */
    private Token blockString(Position start) {
        cursor.advance();
        int from = cursor.offset();
        while (true) {
            if (cursor.atEnd()) {
                throw cursor.error(start, "Unexpected EOF processing block.");
            }
            if (cursor.peek() == ')' && cursor.previous() == '\n' && (cursor.peekNext() == '\n' || cursor.peekNext() == EOF)) {
                String value = cursor.textFrom(from);
                cursor.advance();
                return new Token(Kind.STRING, value, start);
            }
            cursor.advance();
        }
    }

    // ---- numbers and dates ----

    private void skipDigits() {
        while (isDigit(cursor.peek())) {
            cursor.advance();
        }
    }

    /**
     * At a digit: an integer (with an optional size suffix), a float, a date, an IP address, or an unquoted string
     * that merely starts with a digit ({@code 10s}, {@code 3xyz}).
     */
    private Token number(Position start) {
        int from = cursor.offset();
        skipDigits();
        int c = cursor.peek();
        if (c == '-') {
            if (cursor.offset() - from != 4) {
                throw cursor.error("All ISO8601 dates must be in full Zulu form.");
            }
            cursor.advance();
            return dateAfterYear(start, from);
        }
        Token decimal = fractionOrSizeSuffix(start, from, c);
        if (decimal != null) {
            return decimal;
        }
        if (endsNumber(c)) {
            return new Token(Kind.INTEGER, cursor.textFrom(from), start);
        }
        // nats-server takes the character that broke the number as it is (no escape, no closing quote or bracket:
        // "[1]" is the string "1]"), then reads on as an unquoted string.
        cursor.advance();
        return unquoted(start, from);
    }

    private Token negativeNumber(Position start) {
        int from = cursor.offset();
        cursor.advance();
        int c = cursor.peek();
        if (!isDigit(c)) {
            throw cursor.error(c == '.' ? "Floats must start with a digit, not '.'."
                    : "Expected a digit but got '" + describe(c) + "'.");
        }
        skipDigits();
        Token decimal = fractionOrSizeSuffix(start, from, cursor.peek());
        return decimal != null ? decimal : new Token(Kind.INTEGER, cursor.textFrom(from), start);
    }

    /** After the digits, at {@code c}: a float or an integer with a size suffix; null when {@code c} starts neither. */
    private Token fractionOrSizeSuffix(Position start, int from, int c) {
        if (c == '.') {
            cursor.advance();
            return fraction(start, from);
        }
        if (isSizeSuffix(c)) {
            cursor.advance();
            return sizeSuffixed(start, from);
        }
        return null;
    }

    /** After {@code 12k}: any run of {@code b}/{@code i} letters, then the number must end, else it is a string. */
    private Token sizeSuffixed(Position start, int from) {
        while ("bBiI".indexOf(cursor.peek()) >= 0) {
            cursor.advance();
        }
        if (endsNumber(cursor.peek()) || isDigit(cursor.peek())) {
            return new Token(Kind.INTEGER, cursor.textFrom(from), start);
        }
        return unquoted(start, from);
    }

    /** After {@code 12.}: a float, or with a second dot an IP address (a string, with any port or range). */
    private Token fraction(Position start, int from) {
        if (!isDigit(cursor.peek())) {
            throw cursor.error("Floats must have a digit after the '.', but got '" + describe(cursor.peek()) + "' instead.");
        }
        skipDigits();
        if (cursor.peek() != '.') {
            return new Token(Kind.FLOAT, cursor.textFrom(from), start);
        }
        while (isDigit(cursor.peek()) || cursor.peek() == '.' || cursor.peek() == ':' || cursor.peek() == '-') {
            cursor.advance();
        }
        return new Token(Kind.STRING, cursor.textFrom(from), start);
    }

    private Token dateAfterYear(Position start, int from) {
        for (int i = 0; i < DATE_AFTER_YEAR.length(); i++) {
            char expected = DATE_AFTER_YEAR.charAt(i);
            int c = cursor.peek();
            if (expected == '0' && !isDigit(c)) {
                throw cursor.error("Expected digit in ISO8601 datetime, but found '" + describe(c) + "' instead.");
            }
            if (expected != '0' && c != expected) {
                throw cursor.error("Expected '" + expected + "' in ISO8601 datetime, but found '" + describe(c)
                        + "' instead.");
            }
            cursor.advance();
        }
        return new Token(Kind.DATE, cursor.textFrom(from), start);
    }
}
