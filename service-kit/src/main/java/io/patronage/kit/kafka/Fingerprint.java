package io.patronage.kit.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patronage.kit.json.Json;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a message says, as a short hash of its decoded payload in a canonical form: fields in name order, absent and
 * null fields alike, numbers by value ({@code 12.5} is {@code 12.50}). So the same sale resent with other whitespace,
 * field order, trailing zeros or unknown extra fields has the same fingerprint, and so does a record read by a newer
 * version whose model gained an optional field; a changed total does not. The version prefix lets a future form be
 * told apart from this one.
 */
public final class Fingerprint {

    private static final String VERSION = "v1:";

    private Fingerprint() {
    }

    public static String of(Object payload) {
        try {
            byte[] json = Json.mapper().writeValueAsBytes(canonical(Json.mapper().valueToTree(payload)));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return VERSION + HexFormat.of().formatHex(digest, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + payload.getClass().getSimpleName(), e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    fields.put(field.getKey(), canonical(field.getValue()));
                }
            });
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            fields.forEach(sorted::set);
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode elements = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> elements.add(canonical(element)));
            return elements;
        }
        if (node.isNumber()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
