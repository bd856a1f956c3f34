package io.patronage.launcher;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The kinds of bad request body {@link FuzzIT} sends, each made for one operation from the fields its OpenAPI
 * document gives its body (so the wrong values land in the fields the handler reads): malformed and truncated JSON,
 * a wrong type or null in every field, arrays for objects, operators, deep nesting, bodies near and above the size
 * limit, huge and negative numbers, control characters.
 */
final class MalformedBodies {

    /** The services' {@code micronaut.server.max-request-size}. */
    static final int MAX_REQUEST_BYTES = 65_536;
    private static final int DEPTH = 5_000;
    private static final int NESTED_FIELDS = 3;

    /** One kind of bad body: from the body's fields (name → schema; empty when undocumented) and a random source. */
    private record Kind(String name, BiFunction<Map<String, Schema<?>>, Random, byte[]> make) {
    }

    private static final List<Kind> KINDS = List.of(
            text("empty", (fields, random) -> ""),
            text("truncated", (fields, random) -> {
                String whole = object(fields, (schema, r) -> plausible(schema, r), random, 0);
                return whole.substring(0, 1 + random.nextInt(Math.max(1, whole.length() - 1)));
            }),
            text("unbalanced", (fields, random) -> random.nextBoolean() ? "{" : "{\"a\":1}}"),
            text("json-null", (fields, random) -> "null"),
            text("array-for-object", (fields, random) -> "[" + object(fields, MalformedBodies::plausible, random, 0) + "]"),
            text("bare-scalar", (fields, random) -> List.of("\"text\"", "0", "true", "-1e400").get(random.nextInt(4))),
            text("every-field-null", (fields, random) -> object(fields, (schema, r) -> "null", random, 0)),
            text("every-field-wrong-type", (fields, random) -> object(fields, MalformedBodies::wrongType, random, 0)),
            text("every-field-an-operator", (fields, random) -> object(fields, (schema, r) -> List.of(
                    "{\"$gt\":\"\"}", "{\"$ne\":null}", "{\"$where\":\"sleep(1000)\"}").get(r.nextInt(3)), random, 0)),
            text("every-field-an-array", (fields, random) -> object(fields, (schema, r) -> "[1,\"2\",null,{}]", random, 0)),
            text("every-field-a-boolean", (fields, random) -> object(fields, (schema, r) -> "true", random, 0)),
            text("huge-numbers", (fields, random) -> object(fields, (schema, r) -> List.of("1e999999999",
                    "99999999999999999999999999999999", "-9223372036854775809", "1.7976931348623157e309")
                    .get(r.nextInt(4)), random, 0)),
            text("negative-amounts", (fields, random) -> object(fields, (schema, r) -> r.nextBoolean() ? "-5"
                    : "\"-5.00\"", random, 0)),
            text("control-characters", (fields, random) -> object(fields,
                    (schema, r) -> "\"\\u0000\\u0001\\u001b[2J\\r\\n\\ud800\"", random, 0)),
            text("raw-control-characters", (fields, random) -> "{\"a\":\"\u0000\u0001\u0007\"}"),
            text("injection-strings", (fields, random) -> object(fields, (schema, r) -> List.of("\"' OR 1=1--\"",
                    "\"{\\\"$gt\\\":\\\"\\\"}\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"",
                    "\"${jndi:ldap://x/a}\"").get(r.nextInt(5)), random, 0)),
            text("unicode", (fields, random) -> object(fields, (schema, r) -> List.of("\"Ελένη 🎁 \u202Eabc\"",
                    "\"\u0301\u0301\u0301\"", "\"\uFEFF\"", "\"𝔘𝔫𝔦𝔠𝔬𝔡𝔢\"").get(r.nextInt(4)), random, 0)),
            text("deeply-nested-arrays", (fields, random) -> "[".repeat(DEPTH) + "]".repeat(DEPTH)),
            text("deeply-nested-objects", (fields, random) -> "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH)),
            text("deeply-nested-field", (fields, random) -> fields.isEmpty() ? "[".repeat(DEPTH) + "]".repeat(DEPTH)
                    : "{\"" + first(fields) + "\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}"),
            text("just-under-the-limit", (fields, random) -> "{\"" + (fields.isEmpty() ? "x" : first(fields)) + "\":\""
                    + "é".repeat((MAX_REQUEST_BYTES - 200) / 2) + "\"}"),
            text("above-the-limit", (fields, random) -> "{\"x\":\"" + "a".repeat(80 * 1024) + "\"}"),
            text("duplicate-and-unknown-keys", (fields, random) -> "{\"a\":1,\"a\":2,\"__proto__\":{\"admin\":true},"
                    + "\"constructor\":{}" + (fields.isEmpty() ? "" : ",\"" + first(fields) + "\":1,\""
                    + first(fields) + "\":\"x\"") + "}"),
            text("xml", (fields, random) -> "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"),
            new Kind("invalid-utf8", (fields, random) -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                    (byte) 0xE0, (byte) 0xA4, '"', '}'}));

    private MalformedBodies() {
    }

    static int kinds() {
        return KINDS.size();
    }

    static String name(int kind) {
        return KINDS.get(kind).name();
    }

    /** Bad body number {@code kind} for an operation whose body has {@code fields}. */
    static byte[] make(int kind, Map<String, Schema<?>> fields, Random random) {
        return KINDS.get(kind).make().apply(fields, random);
    }

    /** The fields of the JSON body the document gives an operation, each with its schema ($refs resolved). */
    static Map<String, Schema<?>> fields(OpenAPI document, RequestBody body) {
        if (body == null || body.getContent() == null) {
            return Map.of();
        }
        MediaType json = body.getContent().get("application/json");
        if (json == null) {
            json = body.getContent().values().stream().findFirst().orElse(null);
        }
        Schema<?> schema = json == null ? null : resolve(document, json.getSchema());
        if (schema == null || schema.getProperties() == null) {
            return Map.of();
        }
        Map<String, Schema<?>> fields = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> fields.put(name, resolveDeep(document, property, 0)));
        return fields;
    }

    private static Schema<?> resolveDeep(OpenAPI document, Schema<?> schema, int depth) {
        Schema<?> resolved = resolve(document, schema);
        if (resolved != null && resolved.getProperties() != null && depth < NESTED_FIELDS) {
            resolved.getProperties().replaceAll((name, property) -> resolveDeep(document, property, depth + 1));
        }
        return resolved;
    }

    private static Schema<?> resolve(OpenAPI document, Schema<?> schema) {
        if (schema == null || schema.get$ref() == null || document.getComponents() == null) {
            return schema;
        }
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        Schema<?> target = document.getComponents().getSchemas().get(name);
        return target == null ? schema : target;
    }

    private static Kind text(String name, BiFunction<Map<String, Schema<?>>, Random, String> make) {
        return new Kind(name, (fields, random) -> make.apply(fields, random).getBytes(StandardCharsets.UTF_8));
    }

    /** The body as an object with every field set by {@code value}; objects nested a few levels get the same. */
    private static String object(Map<String, Schema<?>> fields, BiFunction<Schema<?>, Random, String> value,
                                 Random random, int depth) {
        if (fields.isEmpty()) {
            return "{\"unexpected\":" + value.apply(new Schema<>(), random) + "}";
        }
        return fields.entrySet().stream().map(field -> {
            Schema<?> schema = field.getValue();
            String json = schema != null && schema.getProperties() != null && depth < NESTED_FIELDS && random.nextBoolean()
                    ? object(properties(schema), value, random, depth + 1)
                    : value.apply(schema == null ? new Schema<>() : schema, random);
            return "\"" + field.getKey() + "\":" + json;
        }).collect(Collectors.joining(",", "{", "}"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Schema<?>> properties(Schema<?> schema) {
        return (Map) schema.getProperties();
    }

    /** A value of another JSON type than the schema's. */
    private static String wrongType(Schema<?> schema, Random random) {
        return switch (type(schema)) {
            case "string" -> List.of("123", "{}", "[\"a\"]", "false").get(random.nextInt(4));
            case "integer", "number" -> List.of("\"twelve\"", "12.5", "{}", "[1]", "\"\"").get(random.nextInt(5));
            case "boolean" -> List.of("\"maybe\"", "2", "[]").get(random.nextInt(3));
            case "array" -> List.of("{}", "\"a,b\"", "7").get(random.nextInt(3));
            default -> List.of("[]", "\"object\"", "42").get(random.nextInt(3));
        };
    }

    /** A value of the schema's type, not necessarily a valid one. */
    private static String plausible(Schema<?> schema, Random random) {
        return switch (type(schema)) {
            case "string" -> "\"value-" + random.nextInt(100) + "\"";
            case "integer", "number" -> Integer.toString(random.nextInt(1000));
            case "boolean" -> "true";
            case "array" -> "[]";
            default -> "{}";
        };
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : "unknown";
    }

    private static String first(Map<String, Schema<?>> fields) {
        return fields.keySet().iterator().next();
    }
}
