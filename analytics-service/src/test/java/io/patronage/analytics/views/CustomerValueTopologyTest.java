package io.patronage.analytics.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.contracts.Topics;
import io.patronage.kit.kafka.CloudEventHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.patronage.analytics.views.TopologyHarness.CHAIN;
import static io.patronage.analytics.views.TopologyHarness.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Customer value, RFM and CLV of a hand-computed dataset through the whole topology (every till record sent twice),
 * and a member's erasure.
 */
class CustomerValueTopologyTest {

    /** The two best and worst; an expected lifetime of 2 years for the chain. */
    private static final ValueSettings VALUES = new ValueSettings(2, new BigDecimal("3"),
            Map.of(CHAIN, new BigDecimal("2")), 20, 20);
    private static final String CUSTOMERS = Topics.CUSTOMERS.name();

    @TempDir
    Path state;
    private TopologyHarness topology;

    @BeforeEach
    void start() {
        topology = new TopologyHarness(state, VALUES);
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void spendOrdersRfmAndClvOfAHandComputedDatasetAreExact() throws Exception {
        dataset();
        List<TestRecord<String, byte[]>> records = topology.records(CUSTOMERS);
        Map<String, JsonNode> views = TopologyHarness.latest(records);

        // anna: 100 + 50 + 30 in 3 orders; bob: 200 (his 40 returned in full is no order); carol: 60 − 10 + 20 in 2;
        // dan: 10; eve: 80 (her return names no purchase: not matched, not subtracted); finn never bought: no row
        assertMember(views, "m-anna", "180.00", 3, "60.00", "2026-01-10T10:00:00Z", "2026-03-01T10:00:00Z", "354");
        assertMember(views, "m-bob", "200.00", 1, "200.00", "2026-01-05T10:00:00Z", "2026-01-05T10:00:00Z", "115");
        assertMember(views, "m-carol", "70.00", 2, "35.00", "2026-02-01T10:00:00Z", "2026-03-20T10:00:00Z", "542");
        assertMember(views, "m-dan", "10.00", 1, "10.00", "2026-03-10T10:00:00Z", "2026-03-10T10:00:00Z", "411");
        assertMember(views, "m-eve", "80.00", 1, "80.00", "2026-01-15T10:00:00Z", "2026-01-15T10:00:00Z", "213");
        assertFalse(views.containsKey(CHAIN + "|member|m-finn"));

        // 5 customers, 8 orders, 540.00; AOV 67.50; Jan 5 to Mar 20 = 75 days; 8 × 365 / (5 × 75) = 7.7867 a year;
        // CLV = 540 × 365 × 2 / (5 × 75) = 1051.20
        JsonNode summary = views.get(CHAIN + "|summary");
        assertEquals(5, summary.get("customers").asLong());
        assertEquals(8, summary.get("orders").asLong());
        assertDecimal("540.00", summary.get("spend"), "spend");
        assertDecimal("67.50", summary.get("averageOrderValue"), "AOV");
        assertEquals(75, summary.get("observedDays").asLong());
        assertDecimal("7.7867", summary.get("purchaseFrequency"), "frequency");
        assertDecimal("2", summary.get("expectedLifetimeYears"), "lifetime");
        assertDecimal("1051.20", summary.get("clv"), "CLV");
        assertEquals("EUR", summary.get("currency").asText());
        // best: anna 3+5+4 = 12, carol 5+4+2 = 11; worst: dan and eve 6 each, dan's lower spend first
        assertEquals(List.of("m-anna", "m-carol"), ids(summary.get("best")));
        assertEquals(List.of("m-dan", "m-eve"), ids(summary.get("worst")));
        assertEquals(12, summary.get("best").get(0).get("rfmTotal").asInt());

        assertEquals(Set.of("CustomerValueView", "CustomerSummaryView"), Set.copyOf(TopologyHarness.validate(records)));
    }

    @Test
    void anErasedMemberLeavesNoTraceInTheCustomerStoresNorOnTheCompactedTopic() throws Exception {
        dataset();
        List<TestRecord<String, byte[]>> before = topology.records(CUSTOMERS);
        assertTrue(TopologyHarness.latest(before).containsKey(CHAIN + "|member|m-carol"));
        KeyValueStore<String, Object> customers = topology.driver.getKeyValueStore(CustomerStage.CUSTOMERS);
        assertTrue(mentions(new KeyValue<>("", customers.get(CHAIN + "|m-carol")), "m-carol"), "the scan below can see her");

        topology.erase("m-carol");
        // a late record of hers, after the erasure: ignored
        topology.purchase("c3", "C-carol", "2026-03-25", "500.00");
        List<TestRecord<String, byte[]>> after = topology.records(CUSTOMERS);

        Map<String, JsonNode> compacted = TopologyHarness.latest(before);
        compacted.putAll(TopologyHarness.latest(after));
        assertTrue(compacted.containsKey(CHAIN + "|member|m-carol"));
        assertNull(compacted.get(CHAIN + "|member|m-carol"), "her row is tombstoned");
        compacted.forEach((key, view) -> assertFalse(key.contains("m-carol") && view != null
                || view != null && view.toString().contains("m-carol"), key + " " + view));
        for (String store : List.of(CustomerStage.CUSTOMERS, CustomerStage.SUMMARIES, CustomerStage.CHANGED,
                CustomerStage.ERASED, BasketStage.ITEMS, BasketStage.PAIRS, BasketStage.TOTALS, BasketStage.VIEWS,
                BasketStage.CHANGED, CouponStage.COUPONS, CouponStage.TOTALS, CouponStage.CHANGED)) {
            KeyValueStore<String, Object> kv = topology.driver.getKeyValueStore(store);
            try (KeyValueIterator<String, Object> all = kv.all()) {
                all.forEachRemaining(entry -> assertFalse(mentions(entry, "m-carol"), store + ": " + entry));
            }
        }

        // without carol: anna "343", bob "114", dan "411", eve "212"; 6 orders, 470.00 over Jan 5 to Mar 10 = 65 days
        JsonNode summary = compacted.get(CHAIN + "|summary");
        assertEquals(4, summary.get("customers").asLong());
        assertEquals(6, summary.get("orders").asLong());
        assertDecimal("78.33", summary.get("averageOrderValue"), "AOV");
        assertEquals(65, summary.get("observedDays").asLong());
        assertDecimal("8.4231", summary.get("purchaseFrequency"), "6 × 365 / (4 × 65)");
        assertDecimal("1319.62", summary.get("clv"), "470 × 365 × 2 / (4 × 65)");
        assertEquals(List.of("m-anna", "m-bob"), ids(summary.get("best")));
        assertEquals(List.of("m-eve", "m-dan"), ids(summary.get("worst")));
        assertEquals("343", compacted.get(CHAIN + "|member|m-anna").get("rfm").asText());
        assertEquals("212", compacted.get(CHAIN + "|member|m-eve").get("rfm").asText());
    }

    @Test
    void recomputingFromTheSameRecordsPublishesTheSameViewsWithTheSameIds() {
        dataset();
        Map<String, String> live = published(topology.records(CUSTOMERS));
        topology.close();
        topology = new TopologyHarness(state.resolve("recomputed"), VALUES);
        dataset();
        assertEquals(live, published(topology.records(CUSTOMERS)));
        assertEquals(6, live.size(), "five members and the summary");
    }

    /** anna, bob, carol, dan, eve buy; finn enrolls only; a purchase without a card is nobody's. */
    private void dataset() {
        for (String member : List.of("anna", "bob", "carol", "dan", "eve", "finn")) {
            topology.enroll("m-" + member, "C-" + member);
        }
        topology.purchase("a1", "C-anna", "2026-01-10", "100.00");
        topology.purchase("a2", "C-anna", "2026-02-10", "50.00");
        topology.purchase("a3", "C-anna", "2026-03-01", "30.00");
        topology.purchase("b1", "C-bob", "2026-01-05", "200.00");
        topology.purchase("b2", "C-bob", "2026-01-20", "40.00");
        topology.returned("r1", "C-bob", "2026-01-22", "40.00", "b2");
        topology.purchase("c1", "C-carol", "2026-02-01", "60.00");
        topology.returned("r2", "C-carol", "2026-02-03", "10.00", "c1");
        topology.purchase("c2", "C-carol", "2026-03-20", "20.00");
        topology.purchase("d1", "C-dan", "2026-03-10", "10.00");
        topology.purchase("e1", "C-eve", "2026-01-15", "80.00");
        topology.returned("r3", "C-eve", "2026-01-16", "80.00", null);
        topology.purchase("n1", null, "2026-03-30", "999.00");
    }

    private static void assertMember(Map<String, JsonNode> views, String member, String spend, long orders, String aov,
                                     String first, String last, String rfm) {
        JsonNode row = views.get(CHAIN + "|member|" + member);
        assertDecimal(spend, row.get("spend"), member);
        assertEquals(orders, row.get("orders").asLong(), member);
        assertDecimal(aov, row.get("averageOrderValue"), member);
        assertEquals(first, row.get("firstPurchaseAt").asText(), member);
        assertEquals(last, row.get("lastPurchaseAt").asText(), member);
        assertEquals(rfm, row.get("rfm").asText(), member);
        assertEquals(rfm, "" + row.get("recencyScore").asInt() + row.get("frequencyScore").asInt()
                + row.get("monetaryScore").asInt(), member);
        assertEquals(member, row.get("memberId").asText());
    }

    private static List<String> ids(JsonNode ranked) {
        List<String> ids = new java.util.ArrayList<>();
        ranked.forEach(customer -> ids.add(customer.get("memberId").asText()));
        return ids;
    }

    private static boolean mentions(KeyValue<String, Object> entry, String memberId) {
        return entry.key.contains(memberId) || entry.value != null && String.valueOf(entry.value).contains(memberId);
    }

    private static Map<String, String> published(List<TestRecord<String, byte[]>> records) {
        Map<String, String> views = new TreeMap<>();
        records.forEach(record -> views.put(record.key(), CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID)
                + " " + new String(record.value(), StandardCharsets.UTF_8)));
        return views;
    }
}
