package io.natrium.adapter.config.syntax;

import io.natrium.adapter.config.syntax.Includes.IncludeException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads nats-server's configuration language into a tree of positioned values.
 *
 * <p>The values are those nats-server's parser gives: an unquoted {@code 1k} is the integer 1000 while {@code "1k"}
 * stays a string, {@code 2m} is two million (a duration must be quoted to stay a string), {@code yes} is a boolean,
 * {@code 127.0.0.1:4222} a string. Includes are merged where they stand, variable references are resolved (nearest
 * enclosing map first, then the environment), and a bcrypt hash {@code $2a$...} is left as the string it is.
 *
 * <p>Nothing is thrown: a problem becomes a {@link ConfigError} at {@code file:line:column} (1-based), and reading
 * goes on after it, so that every error of a file is reported at once. The tree keeps what could be read.
 *
 * <p>The digest is nats-server's {@code config_digest}: SHA-256 over the tree written as Go's JSON encoder writes
 * it, so it ignores comments, layout and quoting, and equals nats-server's digest for the same configuration.
 */
public final class ConfigParser {

    private ConfigParser() {
    }

    /** Reads a configuration file, its includes and the process environment. */
    public static ParseResult parseFile(Path file) {
        return parseFile(file, System::getenv);
    }

    /**
     * Reads a configuration file and its includes (relative to the including file's directory).
     *
     * @param environment the value of an environment variable, or null when it is not set
     */
    public static ParseResult parseFile(Path file, Function<String, String> environment) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(environment, "environment");
        Session session = new Session(environment);
        Document document;
        try {
            document = session.includes().openTop(file);
        } catch (IncludeException e) {
            // nats-server returns the read error as it is, without a position.
            Position start = new Position(file.toString(), 1, 1);
            return result(new MapBuilder().build(start), List.of(new ConfigError(null, e.getMessage())));
        }
        return parse(document, session);
    }

    /**
     * Reads configuration text; positions name no file, and includes are relative to the working directory, as
     * with nats-server's {@code conf.Parse}.
     *
     * @param environment the value of an environment variable, or null when it is not set
     */
    public static ParseResult parseText(String text, Function<String, String> environment) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(environment, "environment");
        return parse(new Document(text, "", Path.of(".")), new Session(environment));
    }

    private static ParseResult parse(Document document, Session session) {
        List<ConfigError> errors = new ArrayList<>();
        MapBuilder root = Parser.parse(document, session, errors);
        return result(root.build(new Position(document.name(), 1, 1)), errors);
    }

    private static ParseResult result(ConfigMap root, List<ConfigError> errors) {
        return new ParseResult(root, errors, ConfigDigest.of(root));
    }
}
