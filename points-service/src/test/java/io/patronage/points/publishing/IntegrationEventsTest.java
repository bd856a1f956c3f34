package io.patronage.points.publishing;

import io.patronage.contracts.points.ExpiryChange;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.points.RuleContribution;
import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.RejectionReason;
import io.patronage.points.returns.PointsReversed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntegrationEventsTest {

    private static final Instant AT = Instant.parse("2026-11-27T08:15:00Z");

    @Test
    void anEarningCarriesTheBreakdownAndTheBalanceAfter() {
        OffsetDateTime tillTime = OffsetDateTime.parse("2026-11-27T10:15:00+02:00");
        PointsEarned earned = new PointsEarned("m-1", "chain-1", "t-1", "store-7", "KWD", new BigDecimal("15.999"),
                new BigDecimal("15.999"), 30, "wine-v2",
                List.of(new Contribution("base", 15), new Contribution("category:wine", 15)), tillTime,
                new Lot("chain-1:t-1", 30, tillTime.toInstant()), 130);

        assertEquals(new io.patronage.contracts.points.PointsEarned("m-1", "chain-1", "t-1", "store-7", "KWD",
                        new BigDecimal("15.999"), points(30), "wine-v2",
                        List.of(new RuleContribution("base", points(15)),
                                new RuleContribution("category:wine", points(15))), points(130), AT, List.of()),
                IntegrationEvents.earned(earned, PointsUnit.WHOLE), "a lot that never expires changes no expiring points");
    }

    @Test
    void inAChainKeepingHundredthsEveryFigureIsPointsWithTwoDecimals() {
        OffsetDateTime tillTime = OffsetDateTime.parse("2026-11-27T10:15:00+02:00");
        Instant july = Instant.parse("2027-07-31T21:00:00Z");
        PointsEarned earned = new PointsEarned("m-1", "chain-1", "t-1", "store-7", "EUR", new BigDecimal("25.79"),
                new BigDecimal("25.79"), 257, "v1", List.of(new Contribution("base", 257)), tillTime,
                new Lot("chain-1:t-1", 257, tillTime.toInstant(), tillTime.toInstant(), july, null), 1_257);
        PointsRedemptionRejected rejected = new PointsRedemptionRejected("m-1", "chain-1", "r-2", 5_000,
                RejectionReason.INSUFFICIENT_POINTS, 1_257);
        PointsUnit hundredths = new PointsUnit(2);

        io.patronage.contracts.points.PointsEarned published = IntegrationEvents.earned(earned, hundredths);

        assertEquals(new BigDecimal("2.57"), published.points());
        assertEquals(new BigDecimal("12.57"), published.balance());
        assertEquals(new BigDecimal("2.57"), published.breakdown().get(0).points());
        assertEquals(List.of(new ExpiryChange(july, new BigDecimal("2.57"))), published.expiryChanges());
        assertEquals("50.00 points requested, the balance is 12.57",
                ((io.patronage.contracts.points.PointsRedemptionRejected) IntegrationEvents.answer(rejected, AT,
                        hundredths)).detail());
    }

    private static BigDecimal points(long points) {
        return BigDecimal.valueOf(points);
    }

    @Test
    void eachEventSaysWhatItChangedInTheMembersExpiringPointsPerExpiryInstant() {
        Instant june = Instant.parse("2027-06-30T21:00:00Z");
        Instant july = Instant.parse("2027-07-31T21:00:00Z");
        OffsetDateTime tillTime = OffsetDateTime.parse("2026-11-27T10:15:00+02:00");
        PointsEarned earned = new PointsEarned("m-1", "chain-1", "t-1", "store-7", "EUR", BigDecimal.TEN,
                BigDecimal.TEN, 30, "v1", List.of(), tillTime,
                new Lot("chain-1:t-1", 30, tillTime.toInstant(), tillTime.toInstant(), july, null), 130);
        // oldest lots first: 20 from a lot expiring in June, 15 from one expiring in July, 5 from one that never does
        PointsRedeemed redeemed = new PointsRedeemed("m-1", "chain-1", "r-1", 40, "reward:mug", List.of(
                new LotDebit("a", 20, june), new LotDebit("b", 15, july), new LotDebit("c", 5)), 90);
        PointsExpired expired = new PointsExpired("m-1", "chain-1", 12, List.of(new LotDebit("a", 12, june)), 78, june, 0);
        PointsReversed reversed = new PointsReversed("m-1", "chain-1", "t-2", "t-1", "EUR", BigDecimal.ONE, 3,
                List.of(new LotDebit("chain-1:t-1", 3, july)), 0, 0, BigDecimal.ONE, 75, tillTime);
        PointsAdjusted adjusted = new PointsAdjusted("m-1", "chain-1", "adj-1", 10, "goodwill", "ops",
                new Lot("adj-1", 10, AT, AT, june, null), List.of(), 85, AT, june);

        assertEquals(List.of(new ExpiryChange(july, points(30))),
                IntegrationEvents.earned(earned, PointsUnit.WHOLE).expiryChanges());
        assertEquals(List.of(new ExpiryChange(june, points(-20)), new ExpiryChange(july, points(-15))),
                ((io.patronage.contracts.points.PointsRedeemed) IntegrationEvents.answer(redeemed, AT,
                        PointsUnit.WHOLE)).expiryChanges(),
                "the points of the lot that never expires are in no expiry");
        assertEquals(List.of(new ExpiryChange(june, points(-12))),
                IntegrationEvents.expired(expired, PointsUnit.WHOLE).expiryChanges());
        assertEquals(List.of(new ExpiryChange(july, points(-3))),
                IntegrationEvents.reversed(reversed, PointsUnit.WHOLE).expiryChanges());
        assertEquals(List.of(new ExpiryChange(june, points(10))),
                IntegrationEvents.adjusted(adjusted, PointsUnit.WHOLE).expiryChanges());
    }

    @Test
    void answersMapToRedeemedOrRejectedWithAReadableDetail() {
        PointsRedeemed redeemed = new PointsRedeemed("m-1", "chain-1", "r-1", 40, "reward:mug", List.of(), 60);
        PointsRedemptionRejected rejected = new PointsRedemptionRejected("m-1", "chain-1", "r-2", 500,
                RejectionReason.INSUFFICIENT_POINTS, 60);

        assertEquals(new io.patronage.contracts.points.PointsRedeemed("r-1", "m-1", "chain-1", points(40), points(60),
                        AT, List.of()),
                IntegrationEvents.answer(redeemed, AT, PointsUnit.WHOLE));
        assertEquals(new io.patronage.contracts.points.PointsRedemptionRejected("r-2", "m-1", "chain-1", points(500),
                        points(60), "INSUFFICIENT_POINTS", "500 points requested, the balance is 60", AT),
                IntegrationEvents.answer(rejected, AT, PointsUnit.WHOLE));
    }

    @Test
    void aRequestForAMemberWithoutAccountIsRejectedAsUnknown() {
        PointsDebitRequested request = new PointsDebitRequested("r-3", "m-9", "chain-1", points(10), "reward:mug", AT);

        io.patronage.contracts.points.PointsRedemptionRejected rejected = IntegrationEvents.rejected(request,
                IntegrationEvents.UNKNOWN_MEMBER, "no points account for member m-9", AT);
        assertEquals("UNKNOWN_MEMBER", rejected.reason());
        assertEquals(0, rejected.balance().signum());
        assertEquals(points(10), rejected.points());
    }
}
