package io.natrium.adapter.monitor;

import io.natrium.application.port.out.EventFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of a system account request, decoded as nats-server's {@code json.Unmarshal} decodes its
 * {@code *EventOptions} structs: an empty body is the defaults, field names match whatever their case, unknown
 * fields are ignored, {@code null} leaves the default, and a value of the wrong type fails the request with Go's
 * {@code UnmarshalTypeError} text (400 in the reply). The {@code EventFilterOptions} embedded in every one of them
 * ({@code server_name}, {@code cluster}, {@code host}, {@code tags}, {@code domain}) are read by {@link #filter()}.
 */
final class EventOptions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final String struct;
    private final JsonNode root;

    private EventOptions(String struct, JsonNode root) {
        this.struct = struct;
        this.root = root;
    }

    /**
     * @param struct the Go struct's name, as its errors name it ({@code ConnzEventOptions})
     * @throws BadParameterException when the body is not a JSON object
     */
    static EventOptions decode(String struct, byte[] body) throws BadParameterException {
        if (body.length == 0) {
            return new EventOptions(struct, JSON.createObjectNode());
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadParameterException(syntaxError(e));
        } catch (java.io.IOException e) {
            throw new BadParameterException("unexpected end of JSON input");
        }
        if (root == null || root.isMissingNode()) {
            throw new BadParameterException("unexpected end of JSON input");
        }
        if (!root.isObject() && !root.isNull()) {
            throw new BadParameterException("json: cannot unmarshal " + kind(root) + " into Go value of type server."
                    + struct);
        }
        return new EventOptions(struct, root);
    }

    EventFilter filter() throws BadParameterException {
        return new EventFilter(text("server_name"), text("cluster"), text("host"), texts("tags"), text("domain"));
    }

    boolean bool(String name) throws BadParameterException {
        JsonNode value = field(name);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw typeError(name, value, "bool");
        }
        return value.booleanValue();
    }

    String text(String name) throws BadParameterException {
        JsonNode value = field(name);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw typeError(name, value, "string");
        }
        return value.textValue();
    }

    List<String> texts(String name) throws BadParameterException {
        JsonNode value = field(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw typeError(name, value, "[]string");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual() && !element.isNull()) {
                throw typeError(name, element, "string");
            }
            texts.add(element.isNull() ? "" : element.textValue());
        }
        return texts;
    }

    /** A Go {@code []byte}: base64 text (standard alphabet, padded), decoded as UTF-8; empty when absent. */
    String bytes(String name) throws BadParameterException {
        String text = text(name);
        try {
            return new String(java.util.Base64.getDecoder().decode(text), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("illegal base64 data in field " + name);
        }
    }

    /** A Go {@code int}, clamped to a Java {@code int}. */
    int integer(String name) throws BadParameterException {
        JsonNode value = field(name);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw typeError(name, value, "int");
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value.longValue()));
    }

    /** A Go {@code uint64}, as the same bits in a Java {@code long}. */
    long unsigned(String name) throws BadParameterException {
        JsonNode value = field(name);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || value.bigIntegerValue().signum() < 0
                || value.bigIntegerValue().compareTo(MAX_UINT64) > 0) {
            throw typeError(name, value, "uint64");
        }
        return value.bigIntegerValue().longValue();
    }

    /** The field, matched as Go matches names (exactly, else ignoring case); null when absent or null. */
    private JsonNode field(String name) {
        if (!root.isObject()) {
            return null;
        }
        JsonNode exact = root.get(name);
        if (exact != null) {
            return exact.isNull() ? null : exact;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return field.getValue().isNull() ? null : field.getValue();
            }
        }
        return null;
    }

    private BadParameterException typeError(String name, JsonNode value, String type) {
        return new BadParameterException("json: cannot unmarshal " + kind(value) + " into Go struct field "
                + struct + "." + name + " of type " + type);
    }

    /** Go's description of a JSON value in an {@code UnmarshalTypeError}. */
    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isNumber()) {
            return "number " + value.asText();
        }
        return "null";
    }

    private static String syntaxError(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return "invalid JSON: " + (message == null ? "syntax error" : message);
    }
}
