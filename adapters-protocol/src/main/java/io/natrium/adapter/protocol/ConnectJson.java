package io.natrium.adapter.protocol;

import io.natrium.application.port.in.ConnectRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reads CONNECT JSON the way Go's {@code encoding/json} reads it into nats-server's {@code ClientOpts}: keys match
 * case-insensitively, unknown keys are ignored, {@code null} leaves a field unset, and a value of the wrong JSON type
 * (a string for a boolean, a fraction for an integer) or anything after the object makes the whole CONNECT invalid.
 */
final class ConnectJson {

    private static final ObjectMapper MAPPER = GoJsonMapper.create();

    private ConnectJson() {
    }

    /** The request, or null when the JSON is not a valid CONNECT. */
    static ConnectRequest parse(byte[] json) {
        JsonNode root;
        try {
            // Decoded leniently first: like Go, a byte that is not UTF-8 becomes U+FFFD instead of failing the JSON.
            root = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return root != null && root.isNull() ? ConnectRequest.empty() : null;
        }
        Fields fields = new Fields();
        for (Iterator<Map.Entry<String, JsonNode>> entries = root.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!fields.accept(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue())) {
                return null;
            }
        }
        return fields.toRequest();
    }

    /** Collects typed values; {@link #accept} returns false for a value of the wrong type. */
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
        private String account;
        private Boolean newAccount;
        private boolean valid = true;

        boolean accept(String key, JsonNode value) {
            switch (key) {
                case "verbose" -> verbose = bool(value, verbose);
                case "pedantic" -> pedantic = bool(value, pedantic);
                case "tls_required" -> tlsRequired = bool(value, tlsRequired);
                case "auth_token" -> authToken = string(value, authToken);
                case "user" -> user = string(value, user);
                case "pass" -> pass = string(value, pass);
                case "name" -> name = string(value, name);
                case "lang" -> lang = string(value, lang);
                case "version" -> version = string(value, version);
                case "protocol" -> protocol = integer(value, protocol);
                case "echo" -> echo = bool(value, echo);
                case "headers" -> headers = bool(value, headers);
                case "no_responders" -> noResponders = bool(value, noResponders);
                case "nkey" -> nkey = string(value, nkey);
                case "jwt" -> jwt = string(value, jwt);
                case "sig" -> sig = string(value, sig);
                case "account" -> account = string(value, account);
                case "new_account" -> newAccount = bool(value, newAccount);
                default -> {
                    // Unknown keys are ignored, as in nats-server.
                }
            }
            return valid;
        }

        ConnectRequest toRequest() {
            return new ConnectRequest(verbose, pedantic, tlsRequired, authToken, user, pass, name, lang, version,
                    protocol, echo, headers, noResponders, nkey, jwt, sig, account, newAccount);
        }

        private Boolean bool(JsonNode value, Boolean current) {
            if (value.isNull()) {
                return current;
            }
            valid &= value.getNodeType() == JsonNodeType.BOOLEAN;
            return value.asBoolean();
        }

        private String string(JsonNode value, String current) {
            if (value.isNull()) {
                return current;
            }
            valid &= value.isTextual();
            return value.asText();
        }

        private Integer integer(JsonNode value, Integer current) {
            if (value.isNull()) {
                return current;
            }
            // Go reads an int64: beyond that it is a JSON error; beyond int it is still a (bad) protocol number.
            valid &= value.isIntegralNumber() && value.canConvertToLong();
            if (value.canConvertToInt()) {
                return value.asInt();
            }
            return value.asLong() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }
}
