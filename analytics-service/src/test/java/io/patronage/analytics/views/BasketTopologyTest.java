package io.patronage.analytics.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.contracts.Topics;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.patronage.analytics.views.TopologyHarness.CHAIN;
import static io.patronage.analytics.views.TopologyHarness.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Products and categories bought together, on a hand-computed dataset (every till record sent twice). */
class BasketTopologyTest {

    /** The first 3 lines of a receipt, the top 4 pairs. */
    private static final ValueSettings VALUES = new ValueSettings(10, new BigDecimal("3"), Map.of(), 3, 4);

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
    void topPairsWithSupportConfidenceAndLiftAreExact() throws Exception {
        topology.enroll("m-anna", "C-anna");
        topology.purchase("t1", "C-anna", "2026-03-01", "3.00", "bread:bakery", "milk:dairy", "eggs:dairy");
        topology.purchase("t2", null, "2026-03-02", "2.00", "bread:bakery", "milk:dairy");
        topology.purchase("t3", null, "2026-03-03", "2.00", "milk:dairy", "cheese:dairy");
        topology.purchase("t4", "C-other", "2026-03-04", "2.00", "bread:bakery", "jam:pantry");
        // a product twice on a receipt is one item of the basket
        topology.purchase("t6", null, "2026-03-06", "3.00", "bread:bakery", "bread:bakery", "milk:dairy");
        // four lines: only the first three count, not the jam
        topology.purchase("t7", null, "2026-03-07", "4.00", "bread:bakery", "milk:dairy", "eggs:dairy", "jam:pantry");
        // a return does not un-count t1's basket
        topology.returned("t8", "C-anna", "2026-03-08", "3.00", "t1");
        List<TestRecord<String, byte[]>> records = topology.records(Topics.BASKETS.name());
        Map<String, JsonNode> views = TopologyHarness.latest(records);

        // 6 purchases; bread in 5 (t1 t2 t4 t6 t7), milk in 5 (t1 t2 t3 t6 t7), eggs in 2, jam 1, cheese 1
        JsonNode skus = views.get(CHAIN + "|sku");
        assertEquals(6, skus.get("transactions").asLong());
        assertEquals("2026-03-07T10:00:00Z", skus.get("computedAt").asText());
        JsonNode pairs = skus.get("pairs");
        assertEquals(4, pairs.size(), "the top 4: cheese-milk, tied with bread-jam, comes after it");
        // bread-milk in t1 t2 t6 t7: support 4/6, confidence 4/5 both ways, lift 4 × 6 / (5 × 5)
        assertPair(pairs.get(0), "bread", "milk", 4, "0.6667", "0.8000", "0.8000", "0.9600");
        // bread-eggs in t1 t7: 2/6; bread → eggs 2/5, eggs → bread 2/2; lift 2 × 6 / (5 × 2)
        assertPair(pairs.get(1), "bread", "eggs", 2, "0.3333", "0.4000", "1.0000", "1.2000");
        assertPair(pairs.get(2), "eggs", "milk", 2, "0.3333", "1.0000", "0.4000", "1.2000");
        assertPair(pairs.get(3), "bread", "jam", 1, "0.1667", "0.2000", "1.0000", "1.2000");

        // categories: bakery in 5, dairy in 5, pantry in 1 (t4; t7's jam is past the third line)
        JsonNode categories = views.get(CHAIN + "|category");
        assertEquals(6, categories.get("transactions").asLong());
        assertEquals(2, categories.get("pairs").size());
        assertPair(categories.get("pairs").get(0), "bakery", "dairy", 4, "0.6667", "0.8000", "0.8000", "0.9600");
        assertPair(categories.get("pairs").get(1), "bakery", "pantry", 1, "0.1667", "0.2000", "1.0000", "1.2000");

        assertEquals(List.of("BasketView"), TopologyHarness.validate(records).stream().distinct().toList());
        assertTrue(records.size() <= 2 * 2, "published once per level and interval, not once per record: " + records.size());
    }

    @Test
    void aTillRecordCrossesTheReKeyingAsOneFactForEveryStage() {
        topology.enroll("m-anna", "C-anna");
        topology.reKeyed();
        topology.purchaseWithCoupons("t1", "C-anna", "2026-03-01", "3.00", List.of("WELCOME-1"));
        topology.purchase("t2", null, "2026-03-02", "2.00", "bread:bakery", "milk:dairy");

        List<TestRecord<String, byte[]>> facts = topology.reKeyed();
        assertEquals(List.of("till", "till"), facts.stream()
                .map(fact -> TopologyHarness.json(fact.value()).get("fact").asText()).toList(),
                "each purchase (sent twice) is one fact on the re-keying, whatever the stages it counts in");
        JsonNode skus = TopologyHarness.latest(topology.records(Topics.BASKETS.name())).get(CHAIN + "|sku");
        assertEquals(1, skus.get("transactions").asLong(), "the basket stage got t2's basket from the card stage");
        assertPair(skus.get("pairs").get(0), "bread", "milk", 1, "1.0000", "1.0000", "1.0000", "1.0000");
    }

    @Test
    void topPairsPublishedAfterEveryPurchaseEqualThoseOfOnePublicationAtTheEnd(@TempDir Path other) {
        String[] shelf = {"bread:bakery", "milk:dairy", "eggs:dairy", "jam:pantry", "cheese:dairy", "apples:produce",
                "tea:pantry", "rolls:bakery"};
        Random random = new Random(7);
        Map<String, JsonNode> stepwise = new TreeMap<>();
        int publications = 0;
        try (TopologyHarness once = new TopologyHarness(other, VALUES)) {
            for (int i = 0; i < 80; i++) {
                String[] lines = new String[1 + random.nextInt(3)];
                for (int line = 0; line < lines.length; line++) {
                    // skewed, so that pairs overtake each other in the top 4 as the counts grow
                    lines[line] = shelf[Math.min(random.nextInt(shelf.length), random.nextInt(shelf.length))];
                }
                String day = String.format("2026-03-%02d", 1 + i % 28);
                topology.purchase("t" + i, null, day, "3.00", lines);
                once.purchase("t" + i, null, day, "3.00", lines);
                List<TestRecord<String, byte[]>> published = topology.records(Topics.BASKETS.name());
                publications += published.size();
                stepwise.putAll(TopologyHarness.latest(published));
            }
            Map<String, JsonNode> atTheEnd = TopologyHarness.latest(once.records(Topics.BASKETS.name()));
            assertEquals(2, atTheEnd.size());
            assertEquals(4, atTheEnd.get(CHAIN + "|sku").get("pairs").size());
            assertEquals(atTheEnd, stepwise, "the top pairs kept up to date from the pairs counted since the last "
                    + "publication are those of a scan of every pair");
        }
        assertTrue(publications > 80, "published again as the counts changed: " + publications);
    }

    private static void assertPair(JsonNode pair, String a, String b, long together, String support,
                                   String confidenceAB, String confidenceBA, String lift) {
        assertEquals(a, pair.get("a").asText(), pair.toString());
        assertEquals(b, pair.get("b").asText(), pair.toString());
        assertEquals(together, pair.get("together").asLong(), pair.toString());
        assertDecimal(support, pair.get("support"), pair.toString());
        assertDecimal(confidenceAB, pair.get("confidenceAB"), pair.toString());
        assertDecimal(confidenceBA, pair.get("confidenceBA"), pair.toString());
        assertDecimal(lift, pair.get("lift"), pair.toString());
    }
}
