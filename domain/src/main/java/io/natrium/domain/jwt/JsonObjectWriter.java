package io.natrium.domain.jwt;

import io.natrium.domain.text.GoStrings;

import java.util.List;
import java.util.function.Consumer;

/**
 * Writes one JSON object as Go's {@code encoding/json} writes a struct: fields in the order given, strings escaped
 * as Go escapes them, {@code omitempty} fields left out when empty.
 */
final class JsonObjectWriter {

    private final StringBuilder out;
    private boolean first = true;

    private JsonObjectWriter(StringBuilder out) {
        this.out = out;
    }

    static String object(Consumer<JsonObjectWriter> fields) {
        StringBuilder out = new StringBuilder(256);
        write(out, fields);
        return out.toString();
    }

    private static void write(StringBuilder out, Consumer<JsonObjectWriter> fields) {
        out.append('{');
        fields.accept(new JsonObjectWriter(out));
        out.append('}');
    }

    /** A string field, always written. */
    JsonObjectWriter string(String name, String value) {
        GoStrings.appendJsonString(name(name), value == null ? "" : value);
        return this;
    }

    /** A string field with {@code omitempty}. */
    JsonObjectWriter optional(String name, String value) {
        return value == null || value.isEmpty() ? this : string(name, value);
    }

    /** A number field, always written. */
    JsonObjectWriter number(String name, long value) {
        name(name).append(value);
        return this;
    }

    /** A number field with {@code omitempty}. */
    JsonObjectWriter optional(String name, long value) {
        return value == 0 ? this : number(name, value);
    }

    /** A list of strings with {@code omitempty}. */
    JsonObjectWriter optional(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        name(name).append('[');
        appendStrings(values);
        out.append(']');
        return this;
    }

    /** A list of lists of strings with {@code omitempty}. */
    JsonObjectWriter optionalLists(String name, List<List<String>> values) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        name(name).append('[');
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append('[');
            appendStrings(values.get(i));
            out.append(']');
        }
        out.append(']');
        return this;
    }

    /** A nested object, always written. */
    JsonObjectWriter object(String name, Consumer<JsonObjectWriter> fields) {
        write(name(name), fields);
        return this;
    }

    private void appendStrings(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            GoStrings.appendJsonString(i == 0 ? out : out.append(','), values.get(i));
        }
    }

    private StringBuilder name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        return GoStrings.appendJsonString(out, name).append(':');
    }
}
