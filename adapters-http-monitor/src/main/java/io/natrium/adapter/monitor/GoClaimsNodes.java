package io.natrium.adapter.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * A JWT's claims as the domain writes them in Go's struct order, made a Jackson tree: the monitor's mapper sorts
 * map keys (Go's order for maps), which would reorder struct fields, and a tree keeps its order.
 */
final class GoClaimsNodes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GoClaimsNodes() {
    }

    /** The tree, or null (left out under omitempty) for no claims. */
    static JsonNode of(Map<String, Object> claims) {
        return claims == null || claims.isEmpty() ? null : node(claims);
    }

    private static JsonNode node(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, item) -> object.set((String) key, node(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(node(item)));
            return array;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        return NODES.nullNode();
    }
}
