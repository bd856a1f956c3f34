package io.patronage.analytics.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.contracts.Topics;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.patronage.analytics.views.TopologyHarness.CHAIN;
import static io.patronage.analytics.views.TopologyHarness.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Coupon effectiveness on a hand-computed dataset (every record sent twice). */
class CouponTopologyTest {

    @TempDir
    Path state;
    private TopologyHarness topology;

    @BeforeEach
    void start() {
        topology = new TopologyHarness(state, ValueSettings.DEFAULTS);
    }

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void issuedUsedUseRateDaysToUseAndOrdersWithAndWithoutACouponAreExact() throws Exception {
        topology.issue("i1", "K1", "2026-03-01T10:00:00Z");
        topology.issue("i1-again", "K1", "2026-03-01T10:00:00Z");
        topology.issue("i2", "K2", "2026-03-01T10:00:00Z");
        topology.issue("i3", "K3", "2026-03-02T10:00:00Z");
        topology.issue("i4", "K4", "2026-03-05T10:00:00Z");
        // a till sends K9 before its issue is read: used 1 day after its issue, once that is read
        topology.purchaseWithCoupons("o6", null, "2026-03-08", "40.00", List.of("K9"));
        topology.issue("i9", "K9", "2026-03-07T10:00:00Z");
        topology.purchaseWithCoupons("o1", "C-1", "2026-03-04", "50.00", List.of("K1"));
        topology.purchaseWithCoupons("o2", null, "2026-03-11", "30.00", List.of("K2", "K2"));
        // K1 a second time: an order with a coupon, not a second use
        topology.purchaseWithCoupons("o3", null, "2026-03-12", "20.00", List.of("K1"));
        topology.purchase("o4", null, "2026-03-06", "10.00");
        topology.purchase("o5", "C-2", "2026-03-07", "30.00");
        topology.returned("r1", "C-1", "2026-03-09", "50.00", "o1");
        List<TestRecord<String, byte[]>> records = topology.records(Topics.COUPONS.name());
        JsonNode view = TopologyHarness.latest(records).get(CHAIN + "|all-time");

        assertEquals(5, view.get("issued").asLong(), "K1 K2 K3 K4 K9");
        assertEquals(3, view.get("used").asLong(), "K1 after 3 days, K2 after 10, K9 after 1");
        assertDecimal("0.6000", view.get("useRate"), "3 / 5");
        assertDecimal("4.67", view.get("averageDaysToUse"), "14 / 3");
        assertEquals(4, view.get("ordersWithCoupon").asLong(), "o1 o2 o3 o6");
        assertDecimal("140.00", view.get("spendWithCoupon"), "");
        assertDecimal("35.00", view.get("averageOrderWithCoupon"), "");
        assertEquals(2, view.get("ordersWithoutCoupon").asLong(), "o4 o5; the return is no order");
        assertDecimal("40.00", view.get("spendWithoutCoupon"), "");
        assertDecimal("20.00", view.get("averageOrderWithoutCoupon"), "");
        assertEquals("EUR", view.get("currency").asText());
        assertEquals("2026-03-12T10:00:00Z", view.get("computedAt").asText());
        assertEquals(List.of("CouponView"), TopologyHarness.validate(records).stream().distinct().toList());
    }
}
