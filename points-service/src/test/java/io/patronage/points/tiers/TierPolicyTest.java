package io.patronage.points.tiers;

import io.patronage.points.program.TierRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tier policy alone: what qualifies over the window, upgrades at once, downgrades per the rules. */
class TierPolicyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<TierRules.Level> LEVELS = List.of(
            new TierRules.Level("SILVER", new BigDecimal("100"), null),
            new TierRules.Level("GOLD", new BigDecimal("500"), null));

    private static TierRules tiers(TierRules.Downgrade downgrade, int graceDays) {
        return new TierRules(TierRules.Basis.POINTS, 30, LEVELS, downgrade, graceDays);
    }

    private static Activity points(long points, int daysAgo) {
        return new Activity(NOW.minus(Duration.ofDays(daysAgo)), points, BigDecimal.ZERO, 1);
    }

    @Test
    void onlyTheWindowQualifies() {
        List<Activity> activity = List.of(points(400, 40), points(150, 10), points(-30, 5));
        assertEquals(new BigDecimal("120"), TierPolicy.qualifying(tiers(null, 0), activity, NOW));
    }

    @Test
    void anUpgradeIsToTheHighestLevelReachedAndNeverDown() {
        List<Activity> activity = List.of(points(600, 1));
        assertEquals("GOLD", TierPolicy.upgrade(tiers(null, 0), activity, null, NOW));
        assertEquals("GOLD", TierPolicy.upgrade(tiers(null, 0), activity, "SILVER", NOW));
        assertNull(TierPolicy.upgrade(tiers(null, 0), activity, "GOLD", NOW));
        assertNull(TierPolicy.upgrade(tiers(null, 0), List.of(points(150, 1)), "GOLD", NOW));
    }

    @Test
    void aDowngradeFollowsTheRules() {
        List<Activity> lapsed = List.of(points(600, 40));
        assertFalse(TierPolicy.downgrades(tiers(TierRules.Downgrade.NEVER, 0), lapsed, "GOLD", NOW));
        assertTrue(TierPolicy.downgrades(tiers(TierRules.Downgrade.IMMEDIATE, 0), lapsed, "GOLD", NOW));
        assertNull(TierPolicy.downgradeTo(tiers(TierRules.Downgrade.IMMEDIATE, 0), lapsed, NOW));
        assertFalse(TierPolicy.downgrades(tiers(TierRules.Downgrade.AFTER_GRACE, 20), lapsed, "GOLD", NOW),
                "it still qualified 20 days ago");
        assertTrue(TierPolicy.downgrades(tiers(TierRules.Downgrade.AFTER_GRACE, 5), lapsed, "GOLD", NOW));
    }
}
