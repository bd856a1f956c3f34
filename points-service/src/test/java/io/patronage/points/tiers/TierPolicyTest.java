package io.patronage.points.tiers;

import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.PointsUnit;
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
    /** The window bases do not read the ledger. */
    private static final Ledger NONE = new Ledger();
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
        assertEquals(new BigDecimal("120"), TierPolicy.qualifying(tiers(null, 0), PointsUnit.WHOLE, activity, NONE, NOW));
    }

    @Test
    void anUpgradeIsToTheHighestLevelReachedAndNeverDown() {
        List<Activity> activity = List.of(points(600, 1));
        assertEquals("GOLD", TierPolicy.upgrade(tiers(null, 0), PointsUnit.WHOLE, activity, NONE, null, NOW));
        assertEquals("GOLD", TierPolicy.upgrade(tiers(null, 0), PointsUnit.WHOLE, activity, NONE, "SILVER", NOW));
        assertNull(TierPolicy.upgrade(tiers(null, 0), PointsUnit.WHOLE, activity, NONE, "GOLD", NOW));
        assertNull(TierPolicy.upgrade(tiers(null, 0), PointsUnit.WHOLE, List.of(points(150, 1)), NONE, "GOLD", NOW));
    }

    @Test
    void aDowngradeFollowsTheRules() {
        List<Activity> lapsed = List.of(points(600, 40));
        assertFalse(TierPolicy.downgrades(tiers(TierRules.Downgrade.NEVER, 0), PointsUnit.WHOLE, lapsed, NONE, "GOLD", NOW));
        assertTrue(TierPolicy.downgrades(tiers(TierRules.Downgrade.IMMEDIATE, 0), PointsUnit.WHOLE, lapsed, NONE, "GOLD", NOW));
        assertNull(TierPolicy.downgradeTo(tiers(TierRules.Downgrade.IMMEDIATE, 0), PointsUnit.WHOLE, lapsed, NONE, NOW));
        assertFalse(TierPolicy.downgrades(tiers(TierRules.Downgrade.AFTER_GRACE, 20), PointsUnit.WHOLE, lapsed, NONE, "GOLD", NOW),
                "it still qualified 20 days ago");
        assertTrue(TierPolicy.downgrades(tiers(TierRules.Downgrade.AFTER_GRACE, 5), PointsUnit.WHOLE, lapsed, NONE, "GOLD", NOW));
    }

    @Test
    void graceCountsFromTheLastMomentTheWindowQualified() {
        TierRules grace = tiers(TierRules.Downgrade.AFTER_GRACE, 10);
        // 30-day window: 60 + 60 were in it together only from 9 to 8 days ago; neither 10 days ago nor now
        List<Activity> briefly = List.of(points(60, 38), points(60, 9));
        assertEquals(new BigDecimal("60"), TierPolicy.qualifying(grace, PointsUnit.WHOLE, briefly, NONE, NOW.minus(Duration.ofDays(10))));
        assertEquals(new BigDecimal("120"), TierPolicy.qualifying(grace, PointsUnit.WHOLE, briefly, NONE, NOW.minus(Duration.ofDays(9))));
        assertEquals(new BigDecimal("60"), TierPolicy.qualifying(grace, PointsUnit.WHOLE, briefly, NONE, NOW));
        assertFalse(TierPolicy.downgrades(grace, PointsUnit.WHOLE, briefly, NONE, "SILVER", NOW), "qualified 9 days ago: within the grace");
        assertEquals("SILVER", TierPolicy.downgradeTo(grace, PointsUnit.WHOLE, briefly, NONE, NOW));
        assertTrue(TierPolicy.downgrades(grace, PointsUnit.WHOLE, briefly, NONE, "SILVER", NOW.plus(Duration.ofDays(2))),
                "10 days after the window last qualified (8 days ago, until which it held), the grace is over");
    }

    @Test
    void aMemberFallsToTheBestLevelOfTheGraceDays() {
        TierRules grace = tiers(TierRules.Downgrade.AFTER_GRACE, 10);
        // 450 earned 31 days ago left the 30-day window a day ago; the 150 of 5 days ago is still in it
        List<Activity> activity = List.of(points(450, 31), points(150, 5));
        assertFalse(TierPolicy.downgrades(grace, PointsUnit.WHOLE, activity, NONE, "GOLD", NOW));
        assertEquals("GOLD", TierPolicy.downgradeTo(grace, PointsUnit.WHOLE, activity, NONE, NOW.plus(Duration.ofDays(9)).minusSeconds(1)));
        assertEquals("SILVER", TierPolicy.downgradeTo(grace, PointsUnit.WHOLE, activity, NONE, NOW.plus(Duration.ofDays(9))),
                "10 days after the window last held GOLD's 600 (until the 450 left it, a day ago)");
        assertEquals("SILVER", TierPolicy.downgradeTo(tiers(TierRules.Downgrade.IMMEDIATE, 0), PointsUnit.WHOLE, activity, NONE, NOW));
    }

    /** A ledger holding {@code points} earned {@code daysAgo}, pending for {@code pendingDays}. */
    private static Ledger holding(long points, int daysAgo, int pendingDays) {
        Ledger ledger = new Ledger();
        Instant earned = NOW.minus(Duration.ofDays(daysAgo));
        ledger.credit(new Lot("l-" + points, points, earned, earned.plus(Duration.ofDays(pendingDays)), null, null));
        return ledger;
    }

    @Test
    void inAChainKeepingHundredthsTheBasisIsInPointsAsTheThresholdsAre() {
        PointsUnit hundredths = new PointsUnit(2);
        List<Activity> window = List.of(points(49_999, 3));

        assertEquals(new BigDecimal("499.99"), TierPolicy.qualifying(tiers(null, 0), hundredths, window, NONE, NOW));
        assertEquals("SILVER", TierPolicy.upgrade(tiers(null, 0), hundredths, window, NONE, null, NOW));
        assertEquals(new BigDecimal("500.00"), TierPolicy.qualifying(onLedger(TierRules.Basis.BALANCE, null),
                hundredths, List.of(), holding(50_000, 1, 0), NOW));
        assertEquals("GOLD", TierPolicy.upgrade(onLedger(TierRules.Basis.BALANCE, null), hundredths, List.of(),
                holding(50_000, 1, 0), null, NOW));
    }

    private static TierRules onLedger(TierRules.Basis basis, TierRules.Downgrade downgrade) {
        return new TierRules(basis, 30, LEVELS, downgrade, 0);
    }

    @Test
    void theBalanceBasesReadTheLedgerAtTheInstantWhateverTheWindow() {
        List<Activity> longAgo = List.of(points(600, 400));
        Ledger pending = holding(600, 400, 0);
        pending.credit(new Lot("l-new", 150, NOW, NOW.plus(Duration.ofDays(14)), null, null));
        TierRules balance = onLedger(TierRules.Basis.BALANCE, null);
        TierRules available = onLedger(TierRules.Basis.AVAILABLE, null);

        assertEquals(new BigDecimal("750"), TierPolicy.qualifying(balance, PointsUnit.WHOLE, longAgo, pending, NOW));
        assertEquals(new BigDecimal("600"), TierPolicy.qualifying(available, PointsUnit.WHOLE, longAgo, pending, NOW));
        assertEquals(new BigDecimal("750"), TierPolicy.qualifying(available, PointsUnit.WHOLE, longAgo, pending,
                NOW.plus(Duration.ofDays(14))), "the pending 150 once available");
        assertEquals("GOLD", TierPolicy.upgrade(balance, PointsUnit.WHOLE, longAgo, pending, null, NOW));
        Ledger inDebt = new Ledger();
        inDebt.addDebt(50);
        assertEquals(BigDecimal.ZERO, TierPolicy.qualifying(balance, PointsUnit.WHOLE, List.of(), inDebt, NOW), "never below 0");
    }

    @Test
    void onDropTheTierFallsAtOnceOtherModesWaitForTheReview() {
        Ledger spent = holding(150, 1, 0);
        TierRules onDrop = onLedger(TierRules.Basis.BALANCE, TierRules.Downgrade.ON_DROP);
        assertTrue(TierPolicy.dropsAtOnce(onDrop, PointsUnit.WHOLE, List.of(), spent, "GOLD", NOW));
        assertEquals("SILVER", TierPolicy.downgradeTo(onDrop, PointsUnit.WHOLE, List.of(), spent, NOW));
        assertTrue(TierPolicy.downgrades(onDrop, PointsUnit.WHOLE, List.of(), spent, "GOLD", NOW), "and at the review");
        assertFalse(TierPolicy.dropsAtOnce(onLedger(TierRules.Basis.BALANCE, TierRules.Downgrade.IMMEDIATE),
                PointsUnit.WHOLE, List.of(), spent, "GOLD", NOW));
        assertFalse(TierPolicy.dropsAtOnce(onDrop, PointsUnit.WHOLE, List.of(), holding(600, 1, 0), "GOLD", NOW),
                "still qualifies");
        TierRules windowOnDrop = new TierRules(TierRules.Basis.POINTS, 30, LEVELS, TierRules.Downgrade.ON_DROP, 0);
        assertTrue(TierPolicy.dropsAtOnce(windowOnDrop, PointsUnit.WHOLE, List.of(points(600, 3), points(-200, 0)), NONE, "GOLD", NOW),
                "a return that takes the window below GOLD");
    }
}
