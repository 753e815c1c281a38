package io.natrium.adapter.tls;

import io.natrium.domain.text.GoTimes;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local cache's file as nats-server writes it ({@code json.MarshalIndent} of its map, one space of indent, keys
 * sorted): each certificate's fingerprint to its subject, when it was cached, the status, when the response expires
 * (Go's zero time when the responder set no next update) and the S2-compressed response in base64.
 */
final class OcspPeerCacheFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Go's zero {@code time.Time}, written for a response without a next update. */
    private static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

    /** One cached response. */
    record Item(String subject, Instant cachedAt, OcspResponse.Status status, Instant expires, byte[] compressed) {
    }

    private OcspPeerCacheFile() {
    }

    static String write(Map<String, Item> items) {
        if (items.isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder("{\n");
        Iterator<Map.Entry<String, Item>> entries = new TreeMap<>(items).entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Item> entry = entries.next();
            Item item = entry.getValue();
            out.append(" ").append(quote(entry.getKey())).append(": {\n");
            if (item.subject() != null && !item.subject().isEmpty()) {
                out.append("  \"subject\": ").append(quote(item.subject())).append(",\n");
            }
            out.append("  \"cached_at\": ").append(quote(GoTimes.rfc3339Nano(item.cachedAt()))).append(",\n");
            out.append("  \"resp_status\": ").append(quote(item.status().toString())).append(",\n");
            Instant expires = item.expires() == null ? GO_ZERO : item.expires();
            out.append("  \"resp_expires\": ").append(quote(GoTimes.rfc3339Nano(expires))).append(",\n");
            out.append("  \"resp\": ").append(quote(Base64.getEncoder().encodeToString(item.compressed())))
                    .append("\n }");
            out.append(entries.hasNext() ? ",\n" : "\n");
        }
        return out.append("}").toString();
    }

    /** @throws IllegalArgumentException when the text is not such a file */
    static Map<String, Item> read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("json: cannot unmarshal into the cache map");
        }
        Map<String, Item> items = new HashMap<>();
        root.fields().forEachRemaining(entry -> {
            JsonNode item = entry.getValue();
            Instant expires = Instant.parse(item.path("resp_expires").asText("0001-01-01T00:00:00Z"));
            items.put(entry.getKey(), new Item(item.path("subject").asText(""),
                    Instant.parse(item.path("cached_at").asText("0001-01-01T00:00:00Z")),
                    status(item.path("resp_status").asText("")), expires.equals(GO_ZERO) ? null : expires,
                    Base64.getDecoder().decode(item.path("resp").asText(""))));
        });
        return items;
    }

    /** As nats-server reads it: anything but good or revoked is unknown. */
    private static OcspResponse.Status status(String text) {
        return switch (text) {
            case "good" -> OcspResponse.Status.GOOD;
            case "revoked" -> OcspResponse.Status.REVOKED;
            default -> OcspResponse.Status.UNKNOWN;
        };
    }

    /** A JSON string as Go's encoder writes it ({@code <}, {@code >}, {@code &} escaped too). */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
