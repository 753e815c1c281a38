package io.natrium.adapter.config.syntax;

import io.natrium.adapter.config.syntax.Token.Kind;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads keys and values out of one configuration text, with the character rules of nats-server's lexer. The language
 * is context dependent (a newline ends a value but not a key, {@code #} opens a comment between entries but is an
 * ordinary character inside an unquoted value), so the {@link Parser} says what it expects next and the lexer reads
 * exactly that: {@link #key}, {@link #value}, or one of the small skips.
 *
 * <p>Errors after which the token is still usable (a bad escape in a string) are added to the error list and lexing
 * goes on; the others throw {@link SyntaxException} for the parser to recover from.
 */
final class Lexer {

    static final int EOF = -1;

    private static final String DATE_AFTER_YEAR = "00-00T00:00:00Z";

    private final String text;
    private final String file;
    private final List<ConfigError> errors;

    private int index;
    private int line = 1;
    private int column = 1;

    Lexer(String text, String file, List<ConfigError> errors) {
        this.text = text;
        this.file = file;
        this.errors = errors;
    }

    // ---- the cursor ----

    int peek() {
        return index < text.length() ? text.charAt(index) : EOF;
    }

    private int peekNext() {
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

    SyntaxException error(String message) {
        return error(position(), message);
    }

    SyntaxException error(Position at, String message) {
        return new SyntaxException(new ConfigError(at, message));
    }

    // ---- character classes, as nats-server defines them ----

    /** Space and tab: what may stand between a value and the end of its line. */
    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static boolean isNewline(int c) {
        return c == '\n' || c == '\r';
    }

    /** Go's {@code unicode.IsSpace}, which separates keys: newlines, form feeds, no-break and other Unicode spaces. */
    static boolean isSpace(int c) {
        if (c < 0) {
            return false;
        }
        if (c <= 0xFF) {
            return c == ' ' || c >= '\t' && c <= '\r' || c == 0x85 || c == 0xA0;
        }
        return c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    static boolean isKeySeparator(int c) {
        return c == '=' || c == ':';
    }

    private static boolean isDigit(int c) {
        return c >= 0 && Character.isDigit(c);
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

    /** A character as error messages show it, the way nats-server does (a newline is written {@code \n}). */
    static String describe(int c) {
        return switch (c) {
            case EOF -> "EOF";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.valueOf((char) c);
        };
    }

    // ---- skipping ----

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

    // ---- keys ----

    /**
     * Reads a key at the current (non-space) character: quoted with {@code "} or {@code '} (no escapes), or bare up
     * to a space or {@code =}/{@code :}. A bare {@code include} followed by a space is the include keyword, and the
     * token is then the {@link Kind#INCLUDE} path.
     *
     * @param inMap inside a {@code {...}} value, where nats-server words its end-of-file errors differently
     */
    Token key(boolean inMap) {
        Position start = position();
        int quote = peek();
        if (quote == '"' || quote == '\'') {
            advance();
            int from = index;
            while (peek() != quote) {
                if (atEnd()) {
                    throw error(start, !inMap ? "Unexpected EOF."
                            : quote == '"' ? "Unexpected EOF processing double quoted map key."
                            : "Unexpected EOF processing quoted map key.");
                }
                advance();
            }
            String key = text.substring(from, index);
            advance();
            return new Token(Kind.KEY, key, start);
        }
        int from = index;
        while (!isSpace(peek()) && !isKeySeparator(peek())) {
            if (atEnd()) {
                if (inMap) {
                    throw error("Unexpected EOF processing map key.");
                }
                break;
            }
            advance();
        }
        String key = text.substring(from, index);
        if (isSpace(peek()) && isIncludeKeyword(key)) {
            return includePath(start);
        }
        return new Token(Kind.KEY, key, start);
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
        skipBlanks();
        int c = peek();
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
            throw error("Expected include value but found " + problem);
        }
        if (c == '"' || c == '\'') {
            Position start = position();
            advance();
            int from = index;
            while (peek() != c) {
                if (atEnd()) {
                    throw error(start, c == '"' ? "Unexpected EOF in double quoted include"
                            : "Unexpected EOF in quoted include");
                }
                advance();
            }
            String path = text.substring(from, index);
            advance();
            return new Token(Kind.INCLUDE, path, keyword);
        }
        int from = index;
        while (!atEnd() && !isNewline(peek()) && !isBlank(peek()) && peek() != ';' && peek() != '}'
                && peek() != '\'') {
            advance();
        }
        String path = text.substring(from, index);
        if (peek() == '\'') {
            advance();
        }
        return new Token(Kind.INCLUDE, path, keyword);
    }

    // ---- values ----

    /**
     * Reads a value after optional blanks: a scalar, or the opening bracket of an array or a map (the parser reads
     * their contents). At a terminator ({@code ;}, {@code ,}, end of file...) the value is the empty string.
     */
    Token value() {
        skipBlanks();
        Position start = position();
        int c = peek();
        switch (c) {
            case '[':
                advance();
                return new Token(Kind.ARRAY_START, "", start);
            case '{':
                advance();
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
                throw error("Floats must start with a digit");
            case '\n', '\r':
                throw error("Expected value but found new line");
            default:
                if (isDigit(c)) {
                    return number(start);
                }
                return unquoted(start, index);
        }
    }

    private Token singleQuoted(Position start) {
        advance();
        int from = index;
        while (peek() != '\'') {
            if (atEnd()) {
                throw error(start, "Unexpected EOF in quoted string");
            }
            advance();
        }
        String value = text.substring(from, index);
        advance();
        return new Token(Kind.STRING, value, start);
    }

    private Token doubleQuoted(Position start) {
        advance();
        EscapedText value = new EscapedText();
        int segment = index;
        while (peek() != '"') {
            if (atEnd()) {
                throw error(start, "Unexpected EOF in quoted string");
            }
            if (peek() == '\\') {
                value.append(text, segment, index);
                escape(value);
                segment = index;
            } else {
                advance();
            }
        }
        value.append(text, segment, index);
        advance();
        return new Token(Kind.STRING, value.toString(), start);
    }

    /**
     * An unquoted string from {@code from} (which may lie before the cursor when a number turned out to be text).
     * Unless it has escapes or was ended by a quote, it may be a boolean or a variable reference instead.
     */
    private Token unquoted(Position start, int from) {
        EscapedText escaped = null;
        int segment = from;
        while (!endsUnquoted(peek())) {
            if (peek() == '\'') {
                // A quote ends the string and is dropped; what follows is whatever the caller sees next.
                String value = escaped == null ? text.substring(from, index)
                        : escaped.append(text, segment, index).toString();
                advance();
                return new Token(Kind.STRING, value, start);
            }
            if (peek() == '\\') {
                if (escaped == null) {
                    escaped = new EscapedText();
                }
                escaped.append(text, segment, index);
                escape(escaped);
                segment = index;
            } else {
                advance();
            }
        }
        if (escaped != null) {
            return new Token(Kind.STRING, escaped.append(text, segment, index).toString(), start);
        }
        String value = text.substring(from, index);
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

    /** Whether {@code value}, lower-cased character by character as Go does, equals the lower-case {@code word}. */
    static boolean lowerEquals(String value, String word) {
        if (value.length() != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(value.charAt(i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A block string: everything after {@code (} up to a {@code )} standing alone at the start of a line (followed
     * by a newline or the end of the file). The newline before the {@code )} belongs to the value.
     */
    private Token blockString(Position start) {
        advance();
        int from = index;
        while (true) {
            if (atEnd()) {
                throw error(start, "Unexpected EOF processing block.");
            }
            if (peek() == ')' && text.charAt(index - 1) == '\n' && (peekNext() == '\n' || peekNext() == EOF)) {
                String value = text.substring(from, index);
                advance();
                return new Token(Kind.STRING, value, start);
            }
            advance();
        }
    }

    /** Reads an escape after a backslash into {@code out}; a bad escape is reported and lexing goes on. */
    private void escape(EscapedText out) {
        Position at = position();
        advance();
        int c = peek();
        switch (c) {
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'x' -> {
                advance();
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
        advance();
    }

    private void hexByte(EscapedText out, Position at) {
        int high = peek();
        int low = isNewline(high) || high == EOF ? high : peekNext();
        if (isNewline(high) || isNewline(low) || high == EOF || low == EOF) {
            errors.add(new ConfigError(at, "Expected two hexadecimal digits after '\\x', but hit end of "
                    + (isNewline(high) || isNewline(low) ? "line" : "file")));
            if (!isNewline(high) && high != EOF) {
                advance();
            }
            return;
        }
        advance();
        advance();
        int value = Character.digit(high, 16) << 4 | Character.digit(low, 16);
        if (Character.digit(high, 16) < 0 || Character.digit(low, 16) < 0 || high > 0x7F || low > 0x7F) {
            errors.add(new ConfigError(at, "Expected two hexadecimal digits after '\\x', but got '"
                    + (char) high + (char) low + "'"));
            return;
        }
        out.appendByte(value);
    }

    // ---- numbers and dates ----

    private void skipDigits() {
        while (isDigit(peek())) {
            advance();
        }
    }

    /**
     * At a digit: an integer (with an optional size suffix), a float, a date, an IP address, or an unquoted string
     * that merely starts with a digit ({@code 10s}, {@code 3xyz}).
     */
    private Token number(Position start) {
        int from = index;
        skipDigits();
        int c = peek();
        if (c == '-') {
            if (index - from != 4) {
                throw error("All ISO8601 dates must be in full Zulu form.");
            }
            advance();
            return dateAfterYear(start, from);
        }
        if (c == '.') {
            advance();
            return fraction(start, from);
        }
        if (isSizeSuffix(c)) {
            advance();
            return sizeSuffixed(start, from);
        }
        if (endsNumber(c)) {
            return new Token(Kind.INTEGER, text.substring(from, index), start);
        }
        // nats-server takes the character that broke the number as it is (no escape, no closing quote or bracket:
        // "[1]" is the string "1]"), then reads on as an unquoted string.
        advance();
        return unquoted(start, from);
    }

    private Token negativeNumber(Position start) {
        int from = index;
        advance();
        int c = peek();
        if (!isDigit(c)) {
            throw error(c == '.' ? "Floats must start with a digit, not '.'."
                    : "Expected a digit but got '" + describe(c) + "'.");
        }
        skipDigits();
        c = peek();
        if (c == '.') {
            advance();
            return fraction(start, from);
        }
        if (isSizeSuffix(c)) {
            advance();
            return sizeSuffixed(start, from);
        }
        return new Token(Kind.INTEGER, text.substring(from, index), start);
    }

    /** After {@code 12k}: any run of {@code b}/{@code i} letters, then the number must end, else it is a string. */
    private Token sizeSuffixed(Position start, int from) {
        while ("bBiI".indexOf(peek()) >= 0) {
            advance();
        }
        if (endsNumber(peek()) || isDigit(peek())) {
            return new Token(Kind.INTEGER, text.substring(from, index), start);
        }
        return unquoted(start, from);
    }

    /** After {@code 12.}: a float, or with a second dot an IP address (a string, with any port or range). */
    private Token fraction(Position start, int from) {
        if (!isDigit(peek())) {
            throw error("Floats must have a digit after the '.', but got '" + describe(peek()) + "' instead.");
        }
        skipDigits();
        if (peek() != '.') {
            return new Token(Kind.FLOAT, text.substring(from, index), start);
        }
        while (isDigit(peek()) || peek() == '.' || peek() == ':' || peek() == '-') {
            advance();
        }
        return new Token(Kind.STRING, text.substring(from, index), start);
    }

    private Token dateAfterYear(Position start, int from) {
        for (int i = 0; i < DATE_AFTER_YEAR.length(); i++) {
            char expected = DATE_AFTER_YEAR.charAt(i);
            int c = peek();
            if (expected == '0' && !isDigit(c)) {
                throw error("Expected digit in ISO8601 datetime, but found '" + describe(c) + "' instead.");
            }
            if (expected != '0' && c != expected) {
                throw error("Expected '" + expected + "' in ISO8601 datetime, but found '" + describe(c)
                        + "' instead.");
            }
            advance();
        }
        return new Token(Kind.DATE, text.substring(from, index), start);
    }

    /**
     * The value of a string with escapes. {@code \xHH} adds a raw byte, so the text is kept as UTF-8 bytes once such
     * a byte appears, and decoded at the end (nats-server's strings are bytes; {@code \xc3\xa9} is "é").
     */
    static final class EscapedText {
        private final StringBuilder chars = new StringBuilder();
        private ByteArrayOutputStream bytes;

        EscapedText append(String source, int from, int to) {
            chars.append(source, from, to);
            return this;
        }

        void append(char c) {
            chars.append(c);
        }

        void appendByte(int value) {
            if (bytes == null) {
                bytes = new ByteArrayOutputStream();
            }
            flushChars();
            bytes.write(value);
        }

        private void flushChars() {
            byte[] encoded = chars.toString().getBytes(StandardCharsets.UTF_8);
            bytes.write(encoded, 0, encoded.length);
            chars.setLength(0);
        }

        @Override
        public String toString() {
            if (bytes == null) {
                return chars.toString();
            }
            flushChars();
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
