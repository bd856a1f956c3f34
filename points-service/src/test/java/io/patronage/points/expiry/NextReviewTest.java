package io.patronage.points.expiry;

import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.OpenLot;
import io.patronage.points.tiers.TierChanged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One computation of the next review, for the account after a review and for the projection after an event. */
class NextReviewTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant NOTICE = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2027-01-01T00:00:00Z");
    private static final OpenLot LOT = new OpenLot("l-1", NOW, NOW, EXPIRY, NOTICE, 10);

    @Test
    void aLotIsDueAtItsNoticeUntilGivenThenAtItsExpiry() {
        assertEquals(NOTICE, NextReview.after(NOW, List.of(LOT), Set.of(), null));
        assertEquals(EXPIRY, NextReview.after(NOW, List.of(LOT), Set.of("l-1"), null));
        assertNull(NextReview.after(NOW, List.of(), Set.of(), null), "nothing due by time");
    }

    @Test
    void aTierIsReviewedDaily() {
        assertEquals(NOW.plusSeconds(86_400), NextReview.after(NOW, List.of(LOT), Set.of(), "GOLD"));
        assertEquals(NOW.plusSeconds(86_400),
                NextReview.of(new TierChanged("m-1", "c-1", null, "GOLD", "QUALIFIED", NOW)));
        assertNull(NextReview.of(new TierChanged("m-1", "c-1", "GOLD", null, "WINDOW_NO_LONGER_QUALIFIES", NOW)));
    }

    @Test
    void aNewLotIsFirstDueAsTheAccountWouldSay() {
        Lot lot = new Lot("l-1", 10, NOW, NOW, EXPIRY, NOTICE);
        PointsEarned earned = new PointsEarned("m-1", "c-1", "t-1", "s-1", "EUR", BigDecimal.TEN, BigDecimal.TEN, 10,
                "v1", List.of(), NOW.atOffset(ZoneOffset.UTC), lot, 10);
        assertEquals(NextReview.after(NOW, List.of(LOT), Set.of(), null), NextReview.of(earned));
    }

    @Test
    void aPendingLotIsDueWhenItsPointsBecomeAvailable() {
        Instant available = NOW.plusSeconds(14 * 86_400);
        OpenLot pending = new OpenLot("l-2", NOW, available, EXPIRY, NOTICE, 10);
        assertEquals(available, NextReview.after(NOW, List.of(pending), Set.of(), null));
        assertEquals(NOTICE, NextReview.after(available, List.of(pending), Set.of(), null), "once available: the notice");
        assertEquals(available, NextReview.of(new PointsEarned("m-1", "c-1", "t-1", "s-1", "EUR", BigDecimal.TEN,
                BigDecimal.TEN, 10, "v1", List.of(), NOW.atOffset(ZoneOffset.UTC),
                new Lot("l-2", 10, NOW, available, EXPIRY, NOTICE), 10)));
    }
}
