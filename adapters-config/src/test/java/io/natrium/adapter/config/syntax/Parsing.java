package io.natrium.adapter.config.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Shorthands for the parser tests. */
final class Parsing {

    private Parsing() {
    }

    /** Parses text with an empty environment. */
    static ParseResult parse(String text) {
        return ConfigParser.parseText(text, name -> null);
    }

    static ParseResult parse(String text, Map<String, String> environment) {
        return ConfigParser.parseText(text, environment::get);
    }

    /** Parses text that must have no errors, and returns the whole tree as plain Java values. */
    static Map<String, Object> valid(String text) {
        return valid(text, Map.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> valid(String text, Map<String, String> environment) {
        ParseResult result = parse(text, environment);
        assertThat(result.errors()).as("errors of %s", text).isEmpty();
        return (Map<String, Object>) TreeDump.plain(result.root());
    }

    /** The errors of a text, each as {@code line:column: message}. */
    static List<String> errors(String text) {
        return errors(text, Map.of());
    }

    static List<String> errors(String text, Map<String, String> environment) {
        return parse(text, environment).errors().stream().map(ConfigError::toString).toList();
    }
}
