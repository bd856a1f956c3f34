package io.patronage.enrollment.chains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.json.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What a chain's update changed, field by field ({@code enrollmentPolicy.minimumAge: {from: 16, to: 18}}), for the audit. */
final class ChainChanges {

    private ChainChanges() {
    }

    static Map<String, Map<String, JsonNode>> between(ChainConfigured before, ChainConfigured after) {
        Map<String, JsonNode> from = new TreeMap<>();
        Map<String, JsonNode> to = new TreeMap<>();
        flatten("", Json.mapper().valueToTree(before.withConfiguredAt(null)), from);
        flatten("", Json.mapper().valueToTree(after.withConfiguredAt(null)), to);
        Set<String> fields = new TreeSet<>(from.keySet());
        fields.addAll(to.keySet());
        Map<String, Map<String, JsonNode>> changes = new TreeMap<>();
        for (String field : fields) {
            JsonNode was = from.getOrDefault(field, NullNode.getInstance());
            JsonNode is = to.getOrDefault(field, NullNode.getInstance());
            if (!sameValue(was, is)) {
                changes.put(field, Map.of("from", was, "to", is));
            }
        }
        return changes;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (!node.isNull()) {
            into.put(prefix, node);
        }
    }

    /** {@code 0.01} and {@code 0.010} are the same value. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
