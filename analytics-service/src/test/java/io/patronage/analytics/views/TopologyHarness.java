package io.patronage.analytics.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.members.MemberErased;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.CloudEventHeaders;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole topology on TopologyTestDriver (real RocksDB stores) for the customer-value and basket tests. */
final class TopologyHarness implements AutoCloseable {

    static final String CHAIN = "aegean";
    private static final Map<String, ChainConfigured> CHAINS = Map.of(CHAIN,
            new ChainConfigured(CHAIN, "EUR", "Europe/Athens", "el-GR", null, Instant.parse("2025-01-01T00:00:00Z")));

    final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> transactions;
    private final TestInputTopic<String, byte[]> members;
    private final TestInputTopic<String, byte[]> rewards;

    TopologyHarness(Path state, ValueSettings values) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        driver = new TopologyTestDriver(ViewsTopology.build(id -> Optional.ofNullable(CHAINS.get(id)),
                Clock.fixed(Instant.parse("2026-06-30T00:00:00Z"), java.time.ZoneOffset.UTC), ViewSettings.DEFAULTS,
                values, "analytics-test", "/patronage/analytics-service"), config);
        transactions = driver.createInputTopic(Topics.TRANSACTIONS.name(), new StringSerializer(), new ByteArraySerializer());
        members = driver.createInputTopic(Topics.MEMBERS.name(), new StringSerializer(), new ByteArraySerializer());
        rewards = driver.createInputTopic(Topics.REWARDS.name(), new StringSerializer(), new ByteArraySerializer());
    }

    void enroll(String member, String card) {
        event("e-" + member, new MemberEnrolled(member, CHAIN, card, null, "el-GR", Instant.parse("2025-12-01T09:00:00Z")));
    }

    void erase(String member) {
        event("x-" + member, new MemberErased(member, CHAIN, Instant.parse("2026-04-01T09:00:00Z")));
    }

    /** A purchase at noon in Athens (10:00 UTC in winter) with lines {@code sku:category}. */
    void purchase(String id, String card, String day, String total, String... lines) {
        till(id, card, "PURCHASE", day, total, null, List.of(), lines);
    }

    void purchaseWithCoupons(String id, String card, String day, String total, List<String> coupons) {
        till(id, card, "PURCHASE", day, total, null, coupons);
    }

    void returned(String id, String card, String day, String total, String original) {
        till(id, card, "RETURN", day, total, original, List.of());
    }

    void issue(String eventId, String code, String issuedAt) {
        event(rewards, eventId, new CouponIssued(code, "m-1", CHAIN, "red-" + code, "reward-1", 100,
                Instant.parse(issuedAt), null));
    }

    /** Sent twice, as a redelivery would: it must count once. */
    private void till(String id, String card, String type, String day, String total, String original,
                      List<String> coupons, String... lines) {
        StringBuilder items = new StringBuilder();
        for (String line : lines) {
            String[] parts = line.split(":");
            items.append(items.isEmpty() ? "" : ",").append("{\"sku\":\"").append(parts[0]).append("\",\"category\":\"")
                    .append(parts[1]).append("\",\"quantity\":\"1\",\"unitPrice\":\"1.00\"}");
        }
        String json = "{\"transactionId\":\"" + id + "\",\"chainId\":\"" + CHAIN + "\",\"storeId\":\"s1\",\"cardNumber\":"
                + (card == null ? "null" : "\"" + card + "\"") + ",\"type\":\"" + type + "\",\"occurredAt\":\"" + day
                + "T12:00:00+02:00\",\"currency\":\"EUR\",\"total\":\"" + total + "\",\"lines\":[" + items
                + "],\"couponCodes\":[" + String.join(",", coupons.stream().map(code -> "\"" + code + "\"").toList())
                + "]" + (original == null ? "" : ",\"originalTransactionId\":\"" + original + "\"") + "}";
        for (int i = 0; i < 2; i++) {
            transactions.pipeInput(card == null ? id : card, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void event(String id, IntegrationEvent event) {
        event(members, id, event);
    }

    private void event(TestInputTopic<String, byte[]> topic, String id, IntegrationEvent event) {
        Headers headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.ID, id);
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, IntegrationEvent.typeOf(event.getClass()));
        try {
            for (int i = 0; i < 2; i++) {
                topic.pipeInput(new TestRecord<>(event.key(), Json.mapper().writeValueAsBytes(event), headers));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything published on a topic since the last read, once the changed views are published. */
    List<TestRecord<String, byte[]>> records(String topic) {
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    /** The facts re-keyed by chain since the last read (the topology's one repartition topic). */
    List<TestRecord<String, byte[]>> reKeyed() {
        return driver.createOutputTopic("analytics-test-by-chain-repartition", new StringDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
    }

    /** The latest record per key of what was read, as compaction keeps it: a tombstone is a {@code null}. */
    static Map<String, JsonNode> latest(List<TestRecord<String, byte[]>> records) {
        Map<String, JsonNode> views = new TreeMap<>();
        records.forEach(record -> views.put(record.key(), record.value() == null ? null : json(record.value())));
        return views;
    }

    static JsonNode json(byte[] value) {
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record (tombstones aside) valid against its schema in the AsyncAPI document, no field undeclared. */
    static List<String> validate(List<TestRecord<String, byte[]>> records) throws IOException {
        JsonNode schemas;
        try (InputStream in = TopologyHarness.class.getResourceAsStream("/asyncapi.yaml")) {
            schemas = new ObjectMapper(new YAMLFactory()).readTree(in).at("/components/schemas");
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
        List<String> types = new ArrayList<>();
        for (TestRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE).substring("io.patronage.".length());
            ObjectNode schema = schemas.get(type).deepCopy();
            schema.put("additionalProperties", false);
            JsonNode view = json(record.value());
            List<com.networknt.schema.Error> errors = registry.getSchema(schema.toString()).validate(view);
            assertTrue(errors.isEmpty(), type + " " + view + ": " + errors);
            types.add(type);
        }
        return types;
    }

    /** By value: a JSON tree may keep 50.00 as 5E+1. */
    static void assertDecimal(String expected, JsonNode actual, String message) {
        assertTrue(actual != null && actual.isNumber() && new BigDecimal(expected).compareTo(actual.decimalValue()) == 0,
                "expected " + expected + " but was " + actual + " " + message);
    }

    @Override
    public void close() {
        driver.close();
    }
}
