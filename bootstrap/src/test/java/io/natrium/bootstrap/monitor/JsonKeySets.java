package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the shape of a nats-server answer with Natrium's: every key nats-server writes must be in Natrium's
 * answer with the same JSON type, recursively (the objects of an array merged into one). Natrium may write more
 * keys: it follows a newer nats-server than Debian's 2.9.10.
 *
 * @param exceptions paths (request, then keys) nats-server writes and Natrium does not, each with its reason
 * @param maps       paths of maps whose keys are data, not structure: only their type is compared
 */
record JsonKeySets(Map<String, String> exceptions, Set<String> maps) {

    /**
     * Adds to {@code differences} every key of {@code theirs} under {@code path} that {@code ours} lacks or types
     * differently, and to {@code exceptionsUsed} the listed exceptions that were needed.
     */
    /**
     * Asserts that every answer of ours has every key of nats-server's answer to the same request, in the same JSON
     * type, and that every listed exception was needed.
     */
    void assertCovered(Map<String, JsonNode> theirs, Map<String, JsonNode> ours) {
        List<String> differences = new ArrayList<>();
        Set<String> exceptionsUsed = new TreeSet<>();
        theirs.forEach((request, answer) -> compare(request, answer, ours.get(request), differences, exceptionsUsed));

        assertThat(differences).as("keys nats-server has that Natrium lacks or types differently").isEmpty();
        assertThat(exceptionsUsed).as("every listed exception is still needed")
                .containsExactlyInAnyOrderElementsOf(exceptions.keySet());
    }

    void compare(String path, JsonNode theirs, JsonNode ours, List<String> differences, Set<String> exceptionsUsed) {
        if (ours == null || ours.getNodeType() != theirs.getNodeType()) {
            differences.add(path + ": nats-server has " + theirs.getNodeType() + ", Natrium "
                    + (ours == null ? "nothing" : ours.getNodeType()));
            return;
        }
        if (maps.contains(path)) {
            return;
        }
        if (theirs.isObject()) {
            theirs.fieldNames().forEachRemaining(field -> {
                String child = path + "." + field;
                if (exceptions.containsKey(child) && !ours.has(field)) {
                    exceptionsUsed.add(child);
                } else {
                    compare(child, theirs.get(field), ours.get(field), differences, exceptionsUsed);
                }
            });
        } else if (theirs.isArray() && !theirs.isEmpty() && theirs.get(0).isObject()) {
            if (ours.isEmpty()) {
                differences.add(path + ": nats-server lists entries, Natrium none");
                return;
            }
            compare(path + "[]", merged(theirs), merged(ours), differences, exceptionsUsed);
        }
    }

    /** The keys of all the objects of an array, each with its first value. */
    private static JsonNode merged(JsonNode array) {
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        array.forEach(item -> item.fields().forEachRemaining(field -> {
            if (!all.has(field.getKey())) {
                all.set(field.getKey(), field.getValue());
            }
        }));
        return all;
    }
}
