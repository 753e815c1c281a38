package io.natrium.domain.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one JSON object as Go's {@code encoding/json} fills a struct: a missing key or {@code null} leaves
 * the zero value, a key matches its field exactly or else ignoring case, and a value of the wrong type is an error
 * naming the field.
 */
final class JsonFields {

    private static final JsonFields EMPTY = new JsonFields(Map.of(), "");

    private final Map<String, Object> members;
    private final String path;

    private JsonFields(Map<String, Object> members, String path) {
        this.members = members;
        this.path = path;
    }

    static JsonFields of(Object value, String path) {
        if (value == null) {
            return EMPTY;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw mismatch(value, "object", path);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) map;
        return new JsonFields(members, path);
    }

    Object raw(String key) {
        Object exact = members.get(key);
        if (exact != null || members.containsKey(key)) {
            return exact;
        }
        for (Map.Entry<String, Object> member : members.entrySet()) {
            if (member.getKey().equalsIgnoreCase(key)) {
                return member.getValue();
            }
        }
        return null;
    }

    boolean has(String key) {
        return raw(key) != null;
    }

    JsonFields object(String key) {
        return of(raw(key), name(key));
    }

    String string(String key) {
        Object value = raw(key);
        if (value == null) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw mismatch(value, "string", name(key));
        }
        return text;
    }

    boolean bool(String key) {
        Object value = raw(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw mismatch(value, "bool", name(key));
        }
        return flag;
    }

    long int64(String key) {
        return integer(raw(key), name(key), Long.MIN_VALUE, Long.MAX_VALUE, "int64");
    }

    static long integer(Object value, String name, long min, long max, String type) {
        if (value == null) {
            return 0;
        }
        if (!(value instanceof JsonNumber number)) {
            throw mismatch(value, type, name);
        }
        Long whole = number.asLong();
        if (whole == null || whole < min || whole > max) {
            throw new JwtException("json: cannot unmarshal number " + shortText(number) + " into Go struct field "
                    + name + " of type " + type);
        }
        return whole;
    }

    /** A list of strings; nats-server's {@code TagList} and {@code StringList} are arrays of strings. */
    List<String> strings(String key) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw mismatch(value, "[]string", name(key));
        }
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw mismatch(item, "string", name(key));
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    List<Object> array(String key) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw mismatch(value, "array", name(key));
        }
        return new ArrayList<>(items);
    }

    Map<String, Object> members() {
        return members;
    }

    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static JwtException mismatch(Object value, String type, String name) {
        return new JwtException("json: cannot unmarshal " + kind(value) + " into Go struct field " + name
                + " of type " + type);
    }

    private static String kind(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof JsonNumber number) {
            return "number " + shortText(number);
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof List) {
            return "array";
        }
        return "object";
    }

    private static String shortText(JsonNumber number) {
        String text = number.toString();
        return text.length() > 32 ? text.substring(0, 32) : text;
    }
}
