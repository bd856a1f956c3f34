package io.patronage.points.balance;

import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.TierRules;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.tiers.TierChanged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberPointsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final TierRules TIERS = new TierRules(TierRules.Basis.POINTS, 365, List.of(
            new TierRules.Level("silver", BigDecimal.ZERO, null), new TierRules.Level("gold", new BigDecimal("100"), null)),
            TierRules.Downgrade.IMMEDIATE, 0);
    private static final ProgramRules RULES = new ProgramRules("v1", null, null, null, null, BigDecimal.ONE, null, null,
            null, null, null, null, null, 0, null, TIERS);

    private static PointsEarned earned(String transactionId, long points, Instant at, Duration pending) {
        return new PointsEarned("m-1", "chain-1", transactionId, "s-1", "EUR", BigDecimal.TEN, BigDecimal.TEN, points,
                "v1", List.of(), at.atOffset(ZoneOffset.UTC),
                new Lot("chain-1:" + transactionId, points, at, at.plus(pending), at.plus(Duration.ofDays(20)), null),
                0);
    }

    private static MemberPoints fold(List<PointsAccountEvent> events) {
        MemberPoints points = null;
        for (int i = 0; i < events.size(); i++) {
            points = MemberPoints.fold(points, events.get(i), i);
        }
        return points;
    }

    @Test
    void everyFigureComesFromTheOneDocumentAtTheAskedInstant() {
        MemberPoints points = fold(List.of(new PointsAccountOpened("m-1", "chain-1", "card-1", null, T0),
                earned("t-1", 40, T0, Duration.ZERO),
                new TierChanged("m-1", "chain-1", null, "silver", "QUALIFIED", T0),
                earned("t-2", 25, T0.plus(Duration.ofDays(1)), Duration.ofDays(14))));

        PointsBalance answer = points.at(T0.plus(Duration.ofDays(2)), RULES, 30);

        assertEquals(new PointsBalance("m-1", points(65), points(65), points(0), points(40), points(25), points(0),
                points(65), 30, new PointsBalance.NextExpiry(T0.plus(Duration.ofDays(20)), points(40)), "silver", "gold",
                new BigDecimal("35"), null), answer);
        assertEquals(points(65), points.at(T0.plus(Duration.ofDays(16)), RULES, 30).available(), "no longer pending");
        assertEquals(points(0), points.at(T0.plus(Duration.ofDays(2)), RULES, 3).expiringSoon(), "not within 3 days");
    }

    @Test
    void pointsPayingOffADebtAreNotCountedAsExpiring() {
        // a return under ALLOW_NEGATIVE took 8 points already spent: a debt of 8, paid off by the next lots first
        MemberPoints points = fold(List.of(new PointsAccountOpened("m-1", "chain-1", "card-1", null, T0),
                earned("t-1", 10, T0, Duration.ZERO),
                new PointsRedeemed("m-1", "chain-1", "r-1", 10, "reward", List.of(new LotDebit("chain-1:t-1", 10)), 0),
                new PointsReversed("m-1", "chain-1", "ret-1", "t-1", "EUR", new BigDecimal("8.00"), 8, List.of(), 8, 0,
                        new BigDecimal("0.800000000000"), -8, T0.atOffset(ZoneOffset.UTC)),
                earned("t-2", 3, T0.plus(Duration.ofDays(1)), Duration.ZERO),
                earned("t-3", 10, T0.plus(Duration.ofDays(2)), Duration.ZERO)));

        PointsBalance answer = points.at(T0.plus(Duration.ofDays(3)), RULES, 30);

        assertEquals(points(5), answer.balance());
        assertEquals(points(5), answer.expiringSoon(), "13 expire within 30 days, 8 of them pay off the debt");
        assertEquals(new PointsBalance.NextExpiry(T0.plus(Duration.ofDays(21)), points(0)), answer.nextExpiry(),
                "t-2's 3 points pay off the debt");
    }

    @Test
    void inAChainKeepingHundredthsEveryFigureIsInPointsWithTwoDecimalsAndTheTierThresholdInPoints() {
        MemberPoints points = fold(List.of(new PointsAccountOpened("m-1", "chain-1", "card-1", null, T0),
                earned("t-1", 4_000, T0, Duration.ZERO),
                new TierChanged("m-1", "chain-1", null, "silver", "QUALIFIED", T0),
                earned("t-2", 2_557, T0.plus(Duration.ofDays(1)), Duration.ofDays(14))));

        PointsBalance answer = points.at(T0.plus(Duration.ofDays(2)), RULES.withPointsDecimals(2), 30);

        assertEquals(new PointsBalance("m-1", new BigDecimal("65.57"), new BigDecimal("65.57"), new BigDecimal("0.00"),
                new BigDecimal("40.00"), new BigDecimal("25.57"), new BigDecimal("0.00"), new BigDecimal("65.57"), 30,
                new PointsBalance.NextExpiry(T0.plus(Duration.ofDays(20)), new BigDecimal("40.00")), "silver", "gold",
                new BigDecimal("34.43"), null), answer, "6,557 hundredths are 65.57 points, 34.43 short of gold's 100");
    }

    private static BigDecimal points(long points) {
        return BigDecimal.valueOf(points);
    }

    @Test
    void activityOlderThanTheKeptSpanIsDroppedAndALongerWindowIsNotCovered() {
        Instant later = T0.plus(MemberPoints.ACTIVITY_KEPT).plus(Duration.ofDays(10));
        MemberPoints points = fold(List.of(new PointsAccountOpened("m-1", "chain-1", "card-1", null, T0),
                earned("t-1", 40, T0, Duration.ZERO), earned("t-2", 25, later, Duration.ZERO)));

        assertEquals(1, points.activity().size());
        assertEquals(later.minus(MemberPoints.ACTIVITY_KEPT), points.activityFrom());
        assertTrue(points.covers(TIERS, later));
        assertFalse(points.covers(new TierRules(TierRules.Basis.POINTS, 800, List.of(), null, 0), later));
        assertNull(fold(List.of(new PointsAccountOpened("m-1", "chain-1", "card-1", null, T0),
                earned("t-1", 40, T0, Duration.ZERO))).activityFrom());
    }
}
