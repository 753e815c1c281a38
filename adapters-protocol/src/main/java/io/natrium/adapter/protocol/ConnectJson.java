package io.natrium.adapter.protocol;

import io.natrium.application.port.in.ConnectRequest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads CONNECT JSON the way Go's {@code encoding/json} reads it into nats-server's {@code ClientOpts}: keys match
 * case-insensitively, fields are set in the order they come, unknown keys are skipped without looking at their
 * values, {@code null} leaves a field unset, and a value of the wrong JSON type (a string for a boolean, a fraction
 * for an integer) or invalid JSON makes the whole CONNECT invalid. A refused CONNECT comes with Go's error, which
 * nats-server logs: its syntax error, else its first type error.
 *
 * <p>The JSON is read token by token, not into a tree: a number is looked at only where an integer is expected, so
 * numbers of any length cost nothing to skip, as in Go.
 */
final class ConnectJson {

    /** A CONNECT read: the request, or else Go's error for it. */
    record Result(ConnectRequest request, String error) {
    }

    /** The longest integer text that may fit Go's int64 ({@code -9223372036854775808}). */
    private static final int MAX_INT64_TEXT = 20;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(GoJsonMapper.MAX_DEPTH)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private ConnectJson() {
    }

    static Result read(byte[] json) {
        return read(json, json.length);
    }

    /**
     * Reads the first {@code length} bytes of {@code json}, which may be a reused scratch array: it is not kept.
     * ASCII (what clients send) is read from the bytes as they are; anything else is decoded leniently first, as Go
     * reads it: a byte that is not UTF-8 becomes U+FFFD instead of failing the JSON.
     */
    static Result read(byte[] json, int length) {
        try (JsonParser parser = ascii(json, length) ? JSON.createParser(json, 0, length)
                : JSON.createParser(new String(json, 0, length, StandardCharsets.UTF_8))) {
            Fields fields = new Fields();
            readValue(parser, fields);
            if (parser.nextToken() != null) {
                return refused(json, length);
            }
            String error = fields.firstError;
            return error == null ? new Result(fields.toRequest(), null) : new Result(null, error);
        } catch (IOException e) {
            return refused(json, length);
        }
    }

    private static boolean ascii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The request, or null when the JSON is not a valid CONNECT. */
    static ConnectRequest parse(byte[] json) {
        return read(json).request();
    }

    private static void readValue(JsonParser parser, Fields fields) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new IOException("no JSON value");
        }
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            fields.typeError(GoTypeError.of(token, null, "Go value of type server.ClientOpts"));
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName().toLowerCase(Locale.ROOT);
            fields.accept(key, parser.nextToken(), parser);
        }
    }

    /**
     * {@code import} and {@code export}, which nats-server reads (for routes and leaf nodes) into a
     * {@code SubjectPermission}: an object whose {@code allow} and {@code deny} are lists of strings. Returns Go's
     * first type error, or null.
     */
    private static String subjectPermission(String key, JsonToken token, JsonParser parser) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return GoTypeError.of(token, null, GoTypeError.field("ClientOpts", key, "server.SubjectPermission"));
        }
        String error = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String list = parser.currentName().toLowerCase(Locale.ROOT);
            JsonToken value = parser.nextToken();
            String found = list.equals("allow") || list.equals("deny")
                    ? strings(key + "." + list, value, parser) : skip(parser);
            error = error != null ? error : found;
        }
        return error;
    }

    private static String strings(String path, JsonToken token, JsonParser parser) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return GoTypeError.of(token, null, GoTypeError.field("SubjectPermission", path, "[]string"));
        }
        String error = null;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item != JsonToken.VALUE_STRING && item != JsonToken.VALUE_NULL && error == null) {
                error = GoTypeError.of(item, null, GoTypeError.field("SubjectPermission", path, "string"));
            }
            parser.skipChildren();
        }
        return error;
    }

    private static String skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    private static Result refused(byte[] json, int length) {
        String syntax = GoJsonSyntax.error(length == json.length ? json : Arrays.copyOf(json, length));
        return new Result(null, syntax != null ? syntax : "invalid JSON");
    }

    /** Collects typed values in order; the first value of a wrong type is kept as Go's error. */
    private static final class Fields {
        private Boolean verbose;
        private Boolean pedantic;
        private Boolean tlsRequired;
        private String authToken;
        private String user;
        private String pass;
        private String name;
        private String lang;
        private String version;
        private Integer protocol;
        private Boolean echo;
        private Boolean headers;
        private Boolean noResponders;
        private String nkey;
        private String jwt;
        private String sig;
        private String proxySig;
        private String account;
        private Boolean newAccount;
        private String firstError;

        void accept(String key, JsonToken token, JsonParser parser) throws IOException {
            switch (key) {
                case "verbose" -> verbose = bool(key, token, parser, verbose);
                case "pedantic" -> pedantic = bool(key, token, parser, pedantic);
                case "tls_required" -> tlsRequired = bool(key, token, parser, tlsRequired);
                case "auth_token" -> authToken = string(key, token, parser, authToken);
                case "user" -> user = string(key, token, parser, user);
                case "pass" -> pass = string(key, token, parser, pass);
                case "name" -> name = string(key, token, parser, name);
                case "lang" -> lang = string(key, token, parser, lang);
                case "version" -> version = string(key, token, parser, version);
                case "protocol" -> protocol = integer(key, token, parser, protocol);
                case "echo" -> echo = bool(key, token, parser, echo);
                case "headers" -> headers = bool(key, token, parser, headers);
                case "no_responders" -> noResponders = bool(key, token, parser, noResponders);
                case "nkey" -> nkey = string(key, token, parser, nkey);
                case "jwt" -> jwt = string(key, token, parser, jwt);
                case "sig" -> sig = string(key, token, parser, sig);
                case "proxy_sig" -> proxySig = string(key, token, parser, proxySig);
                case "account" -> account = string(key, token, parser, account);
                case "new_account" -> newAccount = bool(key, token, parser, newAccount);
                case "import", "export" -> typeError(subjectPermission(key, token, parser));
                default -> parser.skipChildren();
            }
        }

        ConnectRequest toRequest() {
            return new ConnectRequest(verbose, pedantic, tlsRequired, authToken, user, pass, name, lang, version,
                    protocol, echo, headers, noResponders, nkey, jwt, sig, account, newAccount, proxySig);
        }

        private Boolean bool(String key, JsonToken token, JsonParser parser, Boolean current) throws IOException {
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            mismatch(key, "bool", token, parser);
            return current;
        }

        private String string(String key, JsonToken token, JsonParser parser, String current) throws IOException {
            if (token == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            mismatch(key, "string", token, parser);
            return current;
        }

        /** Go reads an int64: beyond that it is an error; beyond int it is still a (bad) protocol number. */
        private Integer integer(String key, JsonToken token, JsonParser parser, Integer current) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_INT && parser.getTextLength() <= MAX_INT64_TEXT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                long value = parser.getLongValue();
                return value > Integer.MAX_VALUE ? Integer.MAX_VALUE
                        : value < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) value;
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                // Go names the number it could not read as an int.
                typeError(GoTypeError.of(token, parser.getText(), GoTypeError.field("ClientOpts", key, "int")));
                return current;
            }
            mismatch(key, "int", token, parser);
            return current;
        }

        /** Records Go's error for a value of another type; null leaves the field as it is. */
        private void mismatch(String key, String type, JsonToken token, JsonParser parser) throws IOException {
            if (token != JsonToken.VALUE_NULL) {
                parser.skipChildren();
                typeError(GoTypeError.of(token, null, GoTypeError.field("ClientOpts", key, type)));
            }
        }

        private void typeError(String error) {
            if (firstError == null) {
                firstError = error;
            }
        }
    }
}
