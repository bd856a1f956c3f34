package io.patronage.points.balance;

import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.TierRules;
import io.patronage.points.redemption.PointsRedeemed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PointsLotTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final TierRules TIERS = new TierRules(TierRules.Basis.POINTS, 365, List.of(
            new TierRules.Level("silver", BigDecimal.ZERO, null)), TierRules.Downgrade.NEVER, 0);
    private static final ProgramRules RULES = new ProgramRules("v1", null, null, null, null, BigDecimal.ONE, null, null,
            null, null, null, null, null, 0, null, TIERS);

    private static Instant day(int days) {
        return T0.plus(Duration.ofDays(days));
    }

    private static PointsEarned earned(String transactionId, long points, Instant at, Instant availableAt,
                                       Instant expiresAt) {
        return new PointsEarned("m-1", "chain-1", transactionId, "s-1", "EUR", BigDecimal.TEN, BigDecimal.TEN, points,
                "v1", List.of(), at.atOffset(ZoneOffset.UTC),
                new Lot("chain-1:" + transactionId, points, at, availableAt, expiresAt, null), 0);
    }

    private static final List<PointsAccountEvent> EVENTS = List.of(
            new PointsAccountOpened("m-1", "chain-1", "card-1", null, T0),
            earned("t-1", 40, T0, T0, day(20)),
            new PointsAwarded("m-1", "chain-1", "ref-1", "referral", "v1", 10,
                    new Lot("ref-1", 10, day(1), day(1), day(30), null), 50, day(1)),
            new PointsAdjusted("m-1", "chain-1", "tkt-1", 5, "goodwill", "ops@acme", new Lot("tkt-1", 5, day(2)),
                    List.of(), 55, day(2), null),
            earned("t-2", 7, day(3), day(3), day(20)),
            earned("t-3", 25, day(4), day(18), day(24)),
            new PointsRedeemed("m-1", "chain-1", "r-1", 30, "reward", List.of(new LotDebit("chain-1:t-1", 30)), 57));

    private static MemberPoints fold(List<PointsAccountEvent> events) {
        MemberPoints points = null;
        for (int i = 0; i < events.size(); i++) {
            points = MemberPoints.fold(points, events.get(i), i);
        }
        return points;
    }

    @Test
    void eachOpenLotSaysWhatItBroughtWhatIsLeftAndWhereFromSoonestExpiryThenOldestFirst() {
        List<PointsLot> lots = fold(EVENTS).byExpiry(PointsUnit.WHOLE);

        assertEquals(List.of(
                lot(40, 10, T0, T0, day(20), PointsLot.Type.PURCHASE, "t-1"),
                lot(7, 7, day(3), day(3), day(20), PointsLot.Type.PURCHASE, "t-2"),
                lot(25, 25, day(4), day(18), day(24), PointsLot.Type.PURCHASE, "t-3"),
                lot(10, 10, day(1), day(1), day(30), PointsLot.Type.AWARD, "ref-1"),
                lot(5, 5, day(2), day(2), null, PointsLot.Type.ADJUSTMENT, "tkt-1")),
                lots);
    }

    @Test
    void inAChainKeepingHundredthsALotsUnitsArePointsWithTwoDecimals() {
        PointsLot first = fold(EVENTS).byExpiry(new PointsUnit(2)).get(0);

        assertEquals(new BigDecimal("0.40"), first.earned());
        assertEquals(new BigDecimal("0.10"), first.remaining());
    }

    private static PointsLot lot(long earned, long remaining, Instant earnedAt, Instant availableAt, Instant expiresAt,
                                 PointsLot.Type type, String id) {
        return new PointsLot(BigDecimal.valueOf(earned), BigDecimal.valueOf(remaining), earnedAt, availableAt,
                expiresAt, new PointsLot.Source(type, id));
    }

    @Test
    void theLotsAddUpToTheBalanceAndTheNextExpiryIsTheSoonestOnesPoints() {
        MemberPoints points = fold(EVENTS);
        PointsBalance answer = points.at(day(5), RULES, 30);

        assertEquals(answer.balance(), points.byExpiry(PointsUnit.WHOLE).stream().map(PointsLot::remaining)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(answer.available().add(answer.pending()), answer.balance());
        assertEquals(new PointsBalance.NextExpiry(day(20), BigDecimal.valueOf(17)), answer.nextExpiry());
    }

    @Test
    void aSpentLotLeavesWithItsOriginAndNothingExpiringMeansNoNextExpiry() {
        List<PointsAccountEvent> events = new ArrayList<>(EVENTS.subList(0, 4));
        events.add(new PointsRedeemed("m-1", "chain-1", "r-1", 50, "reward",
                List.of(new LotDebit("chain-1:t-1", 40), new LotDebit("ref-1", 10)), 5));
        MemberPoints points = fold(events);

        assertEquals(List.of("tkt-1"), List.copyOf(points.origins().keySet()));
        assertNull(points.at(day(5), RULES, 30).nextExpiry());
        assertEquals(points, BalanceStore.points(BalanceStore.document(points)));
    }

    @Test
    void aFrozenAccountsLotsAreRefused() {
        assertThrows(RuntimeException.class, () -> fold(EVENTS).frozenAt("poisoned").byExpiry(PointsUnit.WHOLE));
    }
}
