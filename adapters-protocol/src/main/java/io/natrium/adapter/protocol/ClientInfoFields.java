package io.natrium.adapter.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The field types of nats-server's {@code Info} struct, which an INFO from a client is decoded into: Go's decoder
 * fails (and nats-server closes the connection) when a known field has a value of another type. Keys match without
 * regard to case, as Go's do; unknown keys and nulls are ignored.
 */
final class ClientInfoFields {

    private enum Type { STRING, BOOL, INT, INT32, UINT64, BYTE, STRINGS, BYTES, PERMISSION }

    private static final Map<String, Type> FIELDS = Map.ofEntries(
            Map.entry("server_id", Type.STRING), Map.entry("server_name", Type.STRING),
            Map.entry("version", Type.STRING), Map.entry("proto", Type.INT), Map.entry("git_commit", Type.STRING),
            Map.entry("go", Type.STRING), Map.entry("host", Type.STRING), Map.entry("port", Type.INT),
            Map.entry("headers", Type.BOOL), Map.entry("auth_required", Type.BOOL),
            Map.entry("tls_required", Type.BOOL), Map.entry("tls_verify", Type.BOOL),
            Map.entry("tls_available", Type.BOOL), Map.entry("max_payload", Type.INT32),
            Map.entry("jetstream", Type.BOOL), Map.entry("ip", Type.STRING), Map.entry("client_id", Type.UINT64),
            Map.entry("client_ip", Type.STRING), Map.entry("nonce", Type.STRING), Map.entry("cluster", Type.STRING),
            Map.entry("cluster_dynamic", Type.BOOL), Map.entry("domain", Type.STRING),
            Map.entry("connect_urls", Type.STRINGS), Map.entry("ws_connect_urls", Type.STRINGS),
            Map.entry("ldm", Type.BOOL), Map.entry("compression", Type.STRING), Map.entry("connect_info", Type.BOOL),
            Map.entry("remote_account", Type.STRING), Map.entry("acc_is_sys", Type.BOOL),
            Map.entry("api_lvl", Type.INT), Map.entry("import", Type.PERMISSION),
            Map.entry("export", Type.PERMISSION), Map.entry("lnoc", Type.BOOL), Map.entry("lnocu", Type.BOOL),
            Map.entry("info_on_connect", Type.BOOL), Map.entry("route_pool_size", Type.INT),
            Map.entry("route_pool_idx", Type.INT), Map.entry("route_account", Type.STRING),
            Map.entry("route_acc_add_reqid", Type.STRING), Map.entry("gossip_mode", Type.BYTE),
            Map.entry("gateway", Type.STRING), Map.entry("gateway_urls", Type.STRINGS),
            Map.entry("gateway_url", Type.STRING), Map.entry("gateway_cmd", Type.BYTE),
            Map.entry("gateway_cmd_payload", Type.BYTES), Map.entry("gateway_nrp", Type.BOOL),
            Map.entry("gateway_iom", Type.BOOL), Map.entry("leafnode_urls", Type.STRINGS),
            Map.entry("xkey", Type.STRING));
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final int MAX_BYTE = 255;

    private ClientInfoFields() {
    }

    /** True when every known field of the object has a value Go would decode into its type. */
    static boolean decodable(JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Type type = FIELDS.get(field.getKey().toLowerCase(Locale.ROOT));
            if (type != null && !field.getValue().isNull() && !fits(type, field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(Type type, JsonNode value) {
        return switch (type) {
            case STRING -> value.isTextual();
            case BOOL -> value.isBoolean();
            case INT -> value.isIntegralNumber() && value.canConvertToLong();
            case INT32 -> value.isIntegralNumber() && value.canConvertToInt();
            case UINT64 -> value.isIntegralNumber() && value.bigIntegerValue().signum() >= 0
                    && value.bigIntegerValue().compareTo(MAX_UINT64) <= 0;
            case BYTE -> isByte(value);
            case STRINGS -> isArrayOf(value, Type.STRING);
            case BYTES -> value.isTextual() ? isBase64(value.textValue()) : isArrayOf(value, Type.BYTE);
            case PERMISSION -> value.isObject() && decodablePermission(value);
        };
    }

    private static boolean isByte(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0
                && value.intValue() <= MAX_BYTE;
    }

    private static boolean isArrayOf(JsonNode value, Type element) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isNull() && !fits(element, item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A {@code SubjectPermission}: {@code allow} and {@code deny} lists of strings. */
    private static boolean decodablePermission(JsonNode permission) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = permission.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey().toLowerCase(Locale.ROOT);
            JsonNode value = field.getValue();
            if ((key.equals("allow") || key.equals("deny")) && !value.isNull() && !isArrayOf(value, Type.STRING)) {
                return false;
            }
        }
        return true;
    }
}
