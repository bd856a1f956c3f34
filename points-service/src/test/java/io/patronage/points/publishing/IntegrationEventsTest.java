package io.patronage.points.publishing;

import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.points.RuleContribution;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.RejectionReason;
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
                        new BigDecimal("15.999"), 30, "wine-v2",
                        List.of(new RuleContribution("base", 15), new RuleContribution("category:wine", 15)), 130,
                        AT),
                IntegrationEvents.earned(earned));
    }

    @Test
    void answersMapToRedeemedOrRejectedWithAReadableDetail() {
        PointsRedeemed redeemed = new PointsRedeemed("m-1", "chain-1", "r-1", 40, "reward:mug", List.of(), 60);
        PointsRedemptionRejected rejected = new PointsRedemptionRejected("m-1", "chain-1", "r-2", 500,
                RejectionReason.INSUFFICIENT_POINTS, 60);

        assertEquals(new io.patronage.contracts.points.PointsRedeemed("r-1", "m-1", "chain-1", 40, 60, AT),
                IntegrationEvents.answer(redeemed, AT));
        assertEquals(new io.patronage.contracts.points.PointsRedemptionRejected("r-2", "m-1", "chain-1", 500, 60,
                        "INSUFFICIENT_POINTS", "500 points requested, the balance is 60", AT),
                IntegrationEvents.answer(rejected, AT));
    }

    @Test
    void aRequestForAMemberWithoutAccountIsRejectedAsUnknown() {
        PointsDebitRequested request = new PointsDebitRequested("r-3", "m-9", "chain-1", 10, "reward:mug", AT);

        assertEquals("UNKNOWN_MEMBER", IntegrationEvents.unknownMember(request, AT).reason());
        assertEquals(0, IntegrationEvents.unknownMember(request, AT).balance());
    }
}
