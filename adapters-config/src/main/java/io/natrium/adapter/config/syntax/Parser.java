package io.natrium.adapter.config.syntax;

import static io.natrium.adapter.config.syntax.Characters.EOF;
import static io.natrium.adapter.config.syntax.Characters.describe;
import static io.natrium.adapter.config.syntax.Characters.isBlank;
import static io.natrium.adapter.config.syntax.Characters.isKeySeparator;
import static io.natrium.adapter.config.syntax.Characters.isNewline;

import io.natrium.adapter.config.syntax.Includes.IncludeException;
import io.natrium.adapter.config.syntax.Token.Kind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tree of one document: the top level (optionally wrapped in braces, JSON style), maps, arrays, includes
 * and variable references, following the separators nats-server accepts in each place.
 *
 * <p>Where nats-server stops at the first error, this parser records it and resumes: at the end of the line, or at
 * the brace or bracket closing the enclosing map or array, whichever comes first. Each loop makes progress on every
 * turn, so any text ends in a tree plus a list of errors. Its length is the grammar's: one method per construct, each
 * with its own recovery point, read best in one place.
 */
final class Parser {

    /** The recovery point when no map or array is open: only the end of the line. */
    private static final int NO_CLOSER = -2;

    /** The key an environment variable's value is parsed under, as if written {@code pk=value}. */
    private static final String ENVIRONMENT_KEY = "pk";

    private final Document document;
    private final Session session;
    private final List<ConfigError> errors;
    private final Cursor cursor;
    private final Lexer lexer;
    private final Scope scope = new Scope();
    private final Variables variables;

    /**
     * Set once an error at the end of the text has been reported, so that each enclosing map or array does not add
     * its own "unexpected end" for the same cause.
     */
    private boolean endReported;

    private Parser(Document document, Session session, List<ConfigError> errors) {
        this.document = document;
        this.session = session;
        this.errors = errors;
        this.cursor = new Cursor(document.text(), document.name());
        this.lexer = new Lexer(cursor, errors);
        this.variables = new Variables(scope, session, this::parseEnvironmentValue);
    }

    /** Parses a document into its top-level entries, adding every problem found to {@code errors}. */
    static MapBuilder parse(Document document, Session session, List<ConfigError> errors) {
        MapBuilder root = new MapBuilder();
        Parser parser = new Parser(document, session, errors);
        parser.scope.push(root);
        parser.topLevel(root);
        return root;
    }

    // ---- the top level ----

    /**
     * The top level may be wrapped in braces, any number of them ({@code { port: 4222 }}). Inside such braces the
     * keys are still top-level keys; a {@code }} closes the innermost pair. After an inner pair closes, nats-server
     * wants a separator, a comment or another {@code }} before the next key.
     */
    private static final class Braces {
        int open;
        boolean justClosedInner;

        void close() {
            open--;
            justClosedInner = open > 0;
        }
    }

    private void topLevel(MapBuilder root) {
        Braces braces = new Braces();
        while (true) {
            int from = cursor.offset();
            try {
                if (!topLevelStep(root, braces)) {
                    return;
                }
            } catch (SyntaxException e) {
                braces.justClosedInner = false;
                recover(e, braces.open > 0 ? '}' : NO_CLOSER, from);
                if (cursor.atEnd()) {
                    return;
                }
            }
        }
    }

    /** Reads one entry or brace; false at the end of the text. */
    private boolean topLevelStep(MapBuilder root, Braces braces) {
        if (braces.justClosedInner) {
            afterInnerBraces(braces);
            return true;
        }
        cursor.skipSpacesAndComments();
        int c = cursor.peek();
        if (c == EOF) {
            return false;
        }
        if (c == '{') {
            cursor.advance();
            braces.open++;
            return true;
        }
        if (c == '}' && braces.open > 0) {
            cursor.advance();
            braces.close();
            return true;
        }
        if (cursor.atLoneSlash()) {
            throw cursor.error("Expected a key or a comment but got '/'.");
        }
        if (isKeySeparator(c)) {
            throw cursor.error("Unexpected key separator '" + describe(c) + "'");
        }
        entry(root, false);
        endTopLevelValue(braces);
        return true;
    }

    private void afterInnerBraces(Braces braces) {
        while (true) {
            int c = cursor.peek();
            if (isBlank(c) || isNewline(c) || cursor.atLoneSlash()) {
                cursor.advance();
            } else if (cursor.atComment()) {
                // After a comment nats-server is back to expecting keys, as after a separator.
                cursor.skipComment();
                braces.justClosedInner = false;
                return;
            } else if (c == ';' || c == ',') {
                cursor.advance();
                braces.justClosedInner = false;
                return;
            } else if (c == '}') {
                cursor.advance();
                braces.close();
                return;
            } else {
                throw cursor.error("Expected a block-level to end with a '}', but got '" + describe(c) + "' instead.");
            }
        }
    }

    /** After a top-level value: blanks, then a newline, comment, {@code ;}, {@code ,}, {@code }} or the end. */
    private void endTopLevelValue(Braces braces) {
        while (true) {
            int c = cursor.peek();
            if (isBlank(c) || cursor.atLoneSlash()) {
                // nats-server reads a lone '/' after a top-level value as a blank.
                cursor.advance();
            } else if (cursor.atComment()) {
                cursor.skipComment();
                return;
            } else if (isNewline(c) || c == ';' || c == ',') {
                cursor.advance();
                return;
            } else if (c == '}') {
                cursor.advance();
                if (braces.open > 0) {
                    braces.close();
                }
                return;
            } else if (c == EOF && braces.open == 0) {
                return;
            } else {
                throw cursor.error("Expected a " + (braces.open == 0 ? "top-level" : "block-level")
                        + " value to end with a new line, comment or EOF, but got '" + describe(c) + "' instead.");
            }
        }
    }

    // ---- entries and values ----

    /**
     * Reads {@code key [=|:] value} (or an include) into {@code target}. At the top level the value may follow on
     * another line only when there is no separator; inside a map it may in any case.
     */
    private void entry(MapBuilder target, boolean inMap) {
        Token key = lexer.key(inMap);
        if (key.kind() == Kind.INCLUDE) {
            include(key, target);
            return;
        }
        cursor.skipSpaces();
        boolean separated = isKeySeparator(cursor.peek());
        if (separated) {
            cursor.advance();
        }
        if (inMap) {
            cursor.skipSpaces();
            if (cursor.peek() == ',') {
                throw cursor.error("Unexpected map value terminator \",\".");
            }
            if (cursor.peek() == '}') {
                missingValue(key);
                return;
            }
        } else if (!separated && cursor.atEnd()) {
            // nats-server lets a lone "}" end the file, so that a stray brace after a JSON-style file is harmless.
            if (!key.text().equals("}")) {
                missingValue(key);
            }
            return;
        }
        ConfigValue value = value();
        if (value != null) {
            target.put(new ConfigEntry(key.text(), key.position(), value));
        }
    }

    private void missingValue(Token key) {
        errors.add(new ConfigError(key.position(), "config is invalid: no value for key \"" + key.text() + "\""));
    }

    /** Reads a value; null when it could not be given one (the error is recorded). */
    private ConfigValue value() {
        Token token = lexer.value();
        return switch (token.kind()) {
            case ARRAY_START -> array(token.position());
            case MAP_START -> map(token.position());
            case VARIABLE -> variables.resolve(token, errors);
            default -> Scalars.convert(token, errors);
        };
    }

    private ConfigValue map(Position start) {
        if (!session.enter()) {
            return tooDeep(start);
        }
        MapBuilder map = new MapBuilder();
        scope.push(map);
        try {
            while (true) {
                int from = cursor.offset();
                try {
                    if (mapStep(map, start)) {
                        return map.build(start);
                    }
                } catch (SyntaxException e) {
                    recover(e, '}', from);
                }
            }
        } finally {
            scope.pop();
            session.leave();
        }
    }

    /** Reads one entry of a map; true once the map is closed (or cut off by the end of the text). */
    private boolean mapStep(MapBuilder map, Position start) {
        cursor.skipSpacesAndComments();
        int c = cursor.peek();
        if (c == '}') {
            cursor.advance();
            return true;
        }
        if (c == EOF) {
            unterminated(start, "Unexpected EOF processing map.");
            return true;
        }
        if (isKeySeparator(c)) {
            throw cursor.error("Unexpected key separator '" + describe(c) + "'.");
        }
        if (c == ']') {
            throw cursor.error("Unexpected array end ']' processing map.");
        }
        entry(map, true);
        return afterElement('}', "a map");
    }

    private ConfigValue array(Position start) {
        if (!session.enter()) {
            return tooDeep(start);
        }
        List<ConfigValue> values = new ArrayList<>();
        try {
            while (true) {
                int from = cursor.offset();
                try {
                    if (arrayStep(values, start)) {
                        return new ConfigList(start, values);
                    }
                } catch (SyntaxException e) {
                    recover(e, ']', from);
                }
            }
        } finally {
            session.leave();
        }
    }

    /** Reads one element of an array; true once the array is closed (or cut off by the end of the text). */
    private boolean arrayStep(List<ConfigValue> values, Position start) {
        cursor.skipSpacesAndComments();
        int c = cursor.peek();
        if (c == ']') {
            cursor.advance();
            return true;
        }
        if (c == EOF) {
            unterminated(start, "Unexpected EOF processing array.");
            return true;
        }
        if (c == ',' || cursor.atLoneSlash()) {
            throw cursor.error("Unexpected array value terminator '" + describe(c) + "'.");
        }
        ConfigValue value = value();
        if (value != null) {
            values.add(value);
        }
        return afterElement(']', "an array");
    }

    /**
     * After an entry of a map ({@code closer} '}') or an element of an array (']'): blanks, then a separator, a
     * comment or the closer; true when the closer ended the map or array. nats-server reads a lone '/' as a
     * separator there, and ';' only in a map.
     */
    private boolean afterElement(int closer, String what) {
        while (true) {
            int c = cursor.peek();
            if (isBlank(c)) {
                cursor.advance();
            } else if (cursor.atComment()) {
                cursor.skipComment();
                return false;
            } else if (isNewline(c) || c == ',' || (c == ';' && closer == '}') || cursor.atLoneSlash()) {
                cursor.advance();
                return false;
            } else if (c == closer) {
                cursor.advance();
                return true;
            } else if (c == EOF) {
                return false;
            } else {
                throw cursor.error("Expected " + what + " value terminator \",\" or " + what + " terminator \""
                        + (char) closer + "\", but got '" + describe(c) + "' instead.");
            }
        }
    }

    /** A map or array past the depth limit: reported, skipped whole, and given no value. */
    private ConfigValue tooDeep(Position start) {
        errors.add(new ConfigError(start, "maps, arrays, includes and variables nest more than "
                + Session.MAX_DEPTH + " levels deep"));
        cursor.skipNested();
        return null;
    }

    // ---- includes and environment values ----

    /** Parses the named file on its own (it sees none of this file's variables) and merges its keys here. */
    private void include(Token include, MapBuilder target) {
        Document included;
        try {
            included = session.includes().openIncluded(document, include.text());
        } catch (IncludeException e) {
            errors.add(new ConfigError(include.position(),
                    "error parsing include file '" + include.text() + "', " + e.getMessage()));
            return;
        }
        try {
            if (!session.enter()) {
                errors.add(new ConfigError(include.position(), "error parsing include file '" + include.text()
                        + "', maps, arrays, includes and variables nest more than " + Session.MAX_DEPTH
                        + " levels deep"));
                return;
            }
            try {
                for (ConfigEntry entry : parse(included, session, errors).entries()) {
                    target.put(entry);
                }
            } finally {
                session.leave();
            }
        } finally {
            session.includes().close();
        }
    }

    /**
     * Parses an environment variable's value as nats-server does, as the value of a key in a document of its own:
     * the first error, if any, is what the reference reports.
     */
    private Variables.Parsed parseEnvironmentValue(String text) {
        if (!session.enter()) {
            return new Variables.Parsed(null, "maps, arrays, includes and variables nest more than "
                    + Session.MAX_DEPTH + " levels deep");
        }
        try {
            List<ConfigError> found = new ArrayList<>();
            MapBuilder root = parse(new Document(ENVIRONMENT_KEY + "=" + text, "", Path.of(".")), session, found);
            if (!found.isEmpty()) {
                return new Variables.Parsed(null, found.get(0).message());
            }
            ConfigEntry entry = root.get(ENVIRONMENT_KEY);
            return new Variables.Parsed(entry == null ? null : entry.value(), null);
        } finally {
            session.leave();
        }
    }

    // ---- errors ----

    private void recover(SyntaxException e, int closer, int from) {
        errors.add(e.error());
        cursor.skipToRecoveryPoint(closer);
        if (cursor.offset() == from) {
            // The error consumed nothing and recovery stopped at once: step over one character so the loop moves.
            cursor.advance();
        }
        if (cursor.atEnd()) {
            endReported = true;
        }
    }

    private void unterminated(Position start, String message) {
        if (!endReported) {
            errors.add(new ConfigError(start, message));
            endReported = true;
        }
    }
}
