package io.patronage.points.whatif;

import io.patronage.points.earning.AccountStanding;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.program.ProgramJson;
import io.patronage.points.program.TierRules;
import io.patronage.points.redemption.PointsRedeemed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What-if rates each purchase at the tier the draft's tiers give the member then, not the tier they had. */
class DraftTierTest {

    private static final Instant AT = Instant.parse("2026-11-27T08:15:00Z");
    private static final AccountStanding ACTUAL = new AccountStanding(null, 1, null, "PLATINUM", false);

    private static TierRules tiers(String basis, String downgrade) {
        return ProgramJson.parse("""
                {"version":"draft","pointsPerUnit":1,"tiers":{"basis":"%s","downgrade":"%s","windowDays":30,
                 "levels":[{"name":"SILVER","threshold":100}]}}""".formatted(basis, downgrade)).tiers();
    }

    private static PointsEarned earned(String id, long points, Instant at) {
        return new PointsEarned("m-1", "c-1", id, "s-1", "EUR", BigDecimal.valueOf(points), BigDecimal.valueOf(points),
                points, "v1", List.of(new Contribution("base", points)), at.atOffset(ZoneOffset.UTC),
                new Lot("c-1:" + id, points, at), points);
    }

    @Test
    void onTheBalanceAnEarningUpgradesAndARedemptionDropsUnderOnDrop() {
        DraftTier tier = new DraftTier(tiers("BALANCE", "ON_DROP"), PointsUnit.WHOLE);
        assertNull(tier.standing(ACTUAL, AT).tier(), "the draft's tier, not the PLATINUM the member had");
        tier.fold(earned("t-1", 150, AT));
        assertEquals("SILVER", tier.standing(ACTUAL, AT.plusSeconds(60)).tier());
        assertEquals(1, tier.standing(ACTUAL, AT.plusSeconds(60)).purchases(), "the rest of the standing as it was");
        tier.fold(new PointsRedeemed("m-1", "c-1", "r-1", 100, "reward:mug",
                List.of(new LotDebit("c-1:t-1", 100)), 50));
        assertNull(tier.standing(ACTUAL, AT.plusSeconds(180)).tier(), "50 left");
    }

    @Test
    void overTheWindowTheTierLapsesWhenTheWindowMovesOn() {
        DraftTier tier = new DraftTier(tiers("POINTS", "IMMEDIATE"), PointsUnit.WHOLE);
        tier.fold(earned("t-1", 150, AT));
        assertEquals("SILVER", tier.standing(ACTUAL, AT.plus(Duration.ofDays(29))).tier());
        assertNull(tier.standing(ACTUAL, AT.plus(Duration.ofDays(31))).tier());
    }

    @Test
    void aDraftWithoutTiersKeepsTheTierTheMemberHad() {
        DraftTier tier = new DraftTier(TierRules.NONE, PointsUnit.WHOLE);
        tier.fold(earned("t-1", 150, AT));
        assertEquals("PLATINUM", tier.standing(ACTUAL, AT).tier());
    }
}
