package io.patronage.rewards.availability;

import io.patronage.rewards.availability.Eligibility.Reason;
import io.patronage.rewards.availability.Eligibility.Standing;
import io.patronage.rewards.catalog.MemberLimit;
import io.patronage.rewards.catalog.Reward;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EligibilityTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z"); // 12:00 in Athens
    private static final Standing RICH_GOLD = new Standing(1_000, "GOLD");

    @Test
    void aPlainRewardIsRedeemableWithEnoughPoints() {
        assertEquals(List.of(), Eligibility.reasons(reward(null, null, null, null, List.of(), null), ATHENS, NOW,
                RICH_GOLD, 0, 0));
        assertEquals(List.of(Reason.INSUFFICIENT_POINTS), Eligibility.reasons(reward(null, null, null, null, List.of(),
                null), ATHENS, NOW, new Standing(99, null), 0, 0));
        assertEquals(List.of(Reason.INSUFFICIENT_POINTS), Eligibility.reasons(reward(null, null, null, null, List.of(),
                null), ATHENS, NOW, Standing.UNKNOWN, 0, 0), "a member points-service never told us about has none");
    }

    @Test
    void theTimeWindowIsReadInTheChainsZone() {
        // 12:00 in Athens is 10:00 UTC: a window opening at 11:00 local time is open in Athens, not yet in UTC.
        Reward fromEleven = reward(null, null, LocalDateTime.parse("2026-12-02T11:00"),
                LocalDateTime.parse("2026-12-02T12:00"), List.of(), null);
        assertEquals(List.of(Reason.NO_LONGER_AVAILABLE), Eligibility.reasons(fromEleven, ATHENS, NOW, RICH_GOLD, 0, 0),
                "closed at 12:00 Athens time, exclusive");
        assertEquals(List.of(Reason.NOT_YET_AVAILABLE), Eligibility.reasons(fromEleven, ZoneId.of("UTC"), NOW,
                RICH_GOLD, 0, 0));
        Reward untilNoonThirty = reward(null, null, LocalDateTime.parse("2026-12-02T11:00"),
                LocalDateTime.parse("2026-12-02T12:30"), List.of(), null);
        assertEquals(List.of(), Eligibility.reasons(untilNoonThirty, ATHENS, NOW, RICH_GOLD, 0, 0));
    }

    @Test
    void aTierOnlyRewardNeedsOneOfItsTiers() {
        Reward goldAndUp = reward(null, null, null, null, List.of("GOLD", "PLATINUM"), null);
        assertEquals(List.of(), Eligibility.reasons(goldAndUp, ATHENS, NOW, RICH_GOLD, 0, 0));
        assertEquals(List.of(Reason.TIER), Eligibility.reasons(goldAndUp, ATHENS, NOW, new Standing(1_000, "SILVER"),
                0, 0));
        assertEquals(List.of(Reason.TIER), Eligibility.reasons(goldAndUp, ATHENS, NOW, new Standing(1_000, null), 0, 0));
    }

    @Test
    void stockAndFirstXCapTheUnitsTakenWhicheverIsSmaller() {
        assertEquals(List.of(), Eligibility.reasons(reward(10L, null, null, null, List.of(), null), ATHENS, NOW,
                RICH_GOLD, 9, 0));
        assertEquals(List.of(Reason.OUT_OF_STOCK), Eligibility.reasons(reward(10L, null, null, null, List.of(), null),
                ATHENS, NOW, RICH_GOLD, 10, 0));
        assertEquals(List.of(Reason.FIRST_X_REACHED), Eligibility.reasons(reward(10L, 3L, null, null, List.of(), null),
                ATHENS, NOW, RICH_GOLD, 3, 0));
        assertEquals(List.of(Reason.OUT_OF_STOCK), Eligibility.reasons(reward(2L, 3L, null, null, List.of(), null),
                ATHENS, NOW, RICH_GOLD, 2, 0));
        assertEquals(List.of(Reason.OUT_OF_STOCK), Eligibility.reasons(reward(0L, null, null, null, List.of(), null),
                ATHENS, NOW, RICH_GOLD, 0, 0), "a stock of 0 is none");
    }

    @Test
    void thePerMemberLimitCountsThisPeriodsRedemptions() {
        Reward twicePerMonth = reward(null, null, null, null, List.of(), new MemberLimit(2, MemberLimit.Period.MONTH));
        assertEquals(List.of(), Eligibility.reasons(twicePerMonth, ATHENS, NOW, RICH_GOLD, 50, 1));
        assertEquals(List.of(Reason.LIMIT_REACHED), Eligibility.reasons(twicePerMonth, ATHENS, NOW, RICH_GOLD, 50, 2));
    }

    @Test
    void everyReasonIsGiven() {
        Reward all = reward(1L, null, LocalDateTime.parse("2027-01-01T00:00"), null, List.of("GOLD"),
                new MemberLimit(1, MemberLimit.Period.EVER));
        assertEquals(List.of(Reason.NOT_YET_AVAILABLE, Reason.TIER, Reason.OUT_OF_STOCK, Reason.LIMIT_REACHED,
                Reason.INSUFFICIENT_POINTS), Eligibility.reasons(all, ATHENS, NOW, Standing.UNKNOWN, 1, 1));
    }

    @Test
    void limitPeriodsAreCalendarPeriodsInTheChainsZone() {
        Instant newYearInAthens = Instant.parse("2026-12-31T22:30:00Z"); // 00:30 on 1 January 2027 in Athens
        assertEquals("2027-01-01", new MemberLimit(1, MemberLimit.Period.DAY).periodOf(newYearInAthens, ATHENS));
        assertEquals("2026-12-31", new MemberLimit(1, MemberLimit.Period.DAY).periodOf(newYearInAthens, ZoneId.of("UTC")));
        assertEquals("2027-01", new MemberLimit(1, MemberLimit.Period.MONTH).periodOf(newYearInAthens, ATHENS));
        assertEquals("2026-W53", new MemberLimit(1, MemberLimit.Period.WEEK).periodOf(newYearInAthens, ATHENS));
        assertEquals("2027", new MemberLimit(1, MemberLimit.Period.YEAR).periodOf(newYearInAthens, ATHENS));
        assertEquals("ever", new MemberLimit(1, MemberLimit.Period.EVER).periodOf(newYearInAthens, ATHENS));
    }

    private static Reward reward(Long stock, Long firstX, LocalDateTime from, LocalDateTime until, List<String> tiers,
                                 MemberLimit limit) {
        return new Reward("coffee", "chain-1", 1L, Reward.Status.ACTIVE, Map.of("en", "Coffee"), Map.of(), 100, null,
                30, null, stock, firstX, from, until, tiers, limit, NOW);
    }
}
