package io.patronage.points.expiry;

import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.OpenLot;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.tiers.TierChanged;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * When an account next needs the scheduled review: a pending lot's {@code availableAt} (its points become available,
 * which a tier on the available points counts), a lot's expiry notice (until given) or its expiry, and the first
 * midnight (UTC) after the last review while the member holds a tier (to re-evaluate it daily; one instant for every
 * tiered member, so a simulated clock moved a year ahead stops once a day for them, not once per member and day). The account answers a review with it; the
 * balance projection schedules the first review a new lot or tier needs.
 */
public final class NextReview {


    private NextReview() {
    }

    /** The account's next review after one at {@code at}, {@code null}: not by time. */
    public static Instant after(Instant at, List<OpenLot> lots, Set<String> announced, String tier) {
        Instant next = forTier(tier, at);
        for (OpenLot lot : lots) {
            next = earliest(next, forLot(lot.availableAt().isAfter(at) ? lot.availableAt() : null,
                    announced.contains(lot.lotId()) ? null : lot.noticeAt(), lot.expiresAt()));
        }
        return storable(next);
    }

    /** The first review the account needs for what {@code event} brings (a new lot or tier), {@code null}: none. */
    public static Instant of(PointsAccountEvent event) {
        Lot lot = null;
        if (event instanceof PointsEarned earned) {
            lot = earned.lot();
        } else if (event instanceof PointsAwarded awarded) {
            lot = awarded.lot();
        } else if (event instanceof PointsAdjusted adjusted) {
            lot = adjusted.lot();
        } else if (event instanceof TierChanged changed) {
            return storable(forTier(changed.toTier(), changed.changedAt()));
        }
        return lot == null ? null : storable(forLot(lot.availableAt().isAfter(lot.earnedAt()) ? lot.availableAt() : null,
                lot.noticeAt(), lot.expiresAt()));
    }

    /**
     * The review instant as the queue keeps it, in whole milliseconds (a Mongo date), rounded up: a review never
     * comes before what it is due for (a lot earned at a till time with microseconds, say).
     */
    private static Instant storable(Instant at) {
        if (at == null) {
            return null;
        }
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(at) ? at : millis.plusMillis(1);
    }

    private static Instant forLot(Instant availableAt, Instant noticeAt, Instant expiresAt) {
        return earliest(availableAt, earliest(noticeAt, expiresAt));
    }

    private static Instant forTier(String tier, Instant at) {
        return tier == null ? null : at.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
