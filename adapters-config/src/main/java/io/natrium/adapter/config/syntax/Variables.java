package io.natrium.adapter.config.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves {@code $name} as nats-server does: a bcrypt hash ({@code $2a$...}) is not a reference at all; otherwise
 * the nearest enclosing map with that exact key, then the environment, whose value is parsed as if written after
 * {@code key=} (so {@code 22} is a number and {@code {a: 1}} a map). An environment value referring back to a variable
 * being resolved is a cycle. The value takes the position of the reference, where a mapper's error should point.
 */
final class Variables {

    private static final String BCRYPT_PREFIX = "2a$";

    /** The result of parsing an environment variable's value: the value, or the first error. */
    record Parsed(ConfigValue value, String error) {
    }

    private final Scope scope;
    private final Session session;
    private final Function<String, Parsed> environmentParser;

    Variables(Scope scope, Session session, Function<String, Parsed> environmentParser) {
        this.scope = scope;
        this.session = session;
        this.environmentParser = environmentParser;
    }

    /** The value of a VARIABLE token, or null after adding the error to the list. */
    ConfigValue resolve(Token reference, List<ConfigError> errors) {
        String name = reference.text();
        Position at = reference.position();
        if (name.startsWith(BCRYPT_PREFIX)) {
            return new ConfigString(at, "$" + name);
        }
        ConfigEntry entry = scope.lookup(name);
        if (entry != null) {
            return charged(movedTo(entry.value(), at), reference, errors);
        }
        if (!session.startResolving(name)) {
            return failed(reference, errors, couldNotParse(reference, "variable reference cycle for '" + name + "'"));
        }
        try {
            String text = session.environment(name);
            if (text == null) {
                return failed(reference, errors, notFound(reference));
            }
            Parsed parsed = environmentParser.apply(text);
            if (parsed.error() != null) {
                return failed(reference, errors, couldNotParse(reference, parsed.error()));
            }
            if (parsed.value() == null) {
                return failed(reference, errors, notFound(reference));
            }
            return charged(everywhereAt(parsed.value(), at), reference, errors);
        } finally {
            session.stopResolving(name);
        }
    }

    private ConfigValue charged(ConfigValue value, Token reference, List<ConfigError> errors) {
        String refusal = session.budget().charge(value, session.depth());
        return refusal == null ? value : failed(reference, errors, couldNotParse(reference, refusal));
    }

    private static ConfigValue failed(Token reference, List<ConfigError> errors, String message) {
        errors.add(new ConfigError(reference.position(), message));
        return null;
    }

    private static String notFound(Token reference) {
        return "variable reference for '" + reference.text() + "' on line " + reference.position().line()
                + " can not be found";
    }

    private static String couldNotParse(Token reference, String why) {
        return "variable reference for '" + reference.text() + "' on line " + reference.position().line()
                + " could not be parsed: " + why;
    }

    /** The same value at another position; what it contains is shared, not copied. */
    private static ConfigValue movedTo(ConfigValue value, Position at) {
        if (value instanceof ConfigMap map) {
            return new ConfigMap(at, map.entries());
        }
        if (value instanceof ConfigList list) {
            return new ConfigList(at, list.values());
        }
        if (value instanceof ConfigString string) {
            return new ConfigString(at, string.value());
        }
        if (value instanceof ConfigInteger integer) {
            return new ConfigInteger(at, integer.value());
        }
        if (value instanceof ConfigFloat number) {
            return new ConfigFloat(at, number.value());
        }
        if (value instanceof ConfigBoolean bool) {
            return new ConfigBoolean(at, bool.value());
        }
        return new ConfigDate(at, ((ConfigDate) value).value());
    }

    /**
     * The value, and everything in it, at one position: a value from the environment has no place of its own in any
     * file, so its keys and elements all point at the reference.
     */
    private static ConfigValue everywhereAt(ConfigValue value, Position at) {
        if (value instanceof ConfigMap map) {
            Map<String, ConfigEntry> entries = new LinkedHashMap<>();
            for (ConfigEntry entry : map.all()) {
                entries.put(entry.key(), new ConfigEntry(entry.key(), at, everywhereAt(entry.value(), at)));
            }
            return new ConfigMap(at, entries);
        }
        if (value instanceof ConfigList list) {
            List<ConfigValue> values = new ArrayList<>();
            for (ConfigValue element : list.values()) {
                values.add(everywhereAt(element, at));
            }
            return new ConfigList(at, values);
        }
        return movedTo(value, at);
    }
}
