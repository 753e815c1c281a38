package io.natrium.adapter.protocol;

import com.fasterxml.jackson.core.JsonToken;

/**
 * The text of Go's {@code json.UnmarshalTypeError}, which nats-server logs for a CONNECT or INFO field of the wrong
 * JSON type: {@code json: cannot unmarshal string into Go struct field ClientOpts.verbose of type bool}.
 */
final class GoTypeError {

    private GoTypeError() {
    }

    /**
     * The error for a value that starts with {@code token}; {@code number} is the number's text when Go names it
     * (a number that does not fit an integer field), else null. {@code target} is what Go says it was decoding into:
     * {@code Go struct field ClientOpts.verbose of type bool}, {@code Go value of type server.ClientOpts}.
     */
    static String of(JsonToken token, String number, String target) {
        return "json: cannot unmarshal " + kind(token, number) + " into " + target;
    }

    /** A struct field's target: the struct, the path of JSON names to the field, and the field's Go type. */
    static String field(String struct, String path, String type) {
        return "Go struct field " + struct + "." + path + " of type " + type;
    }

    private static String kind(JsonToken token, String number) {
        return switch (token) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number == null ? "number" : "number " + number;
            case VALUE_TRUE, VALUE_FALSE -> "bool";
            case START_ARRAY -> "array";
            default -> "object";
        };
    }
}
