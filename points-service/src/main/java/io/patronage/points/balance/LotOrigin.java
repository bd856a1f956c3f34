package io.patronage.points.balance;

import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.PointsAccountEvent;

/** What the read model keeps of a lot besides what the ledger folds: the points it brought and where from. */
record LotOrigin(long earned, PointsLot.Source source) {

    /** The lot {@code event} credits with its origin, {@code null} for an event that credits none. */
    static Credited of(PointsAccountEvent event) {
        if (event instanceof PointsEarned earned && earned.lot() != null) {
            return credited(earned.lot(), PointsLot.Type.PURCHASE, earned.transactionId());
        } else if (event instanceof PointsAwarded awarded) {
            return credited(awarded.lot(), PointsLot.Type.AWARD, awarded.awardId());
        } else if (event instanceof PointsAdjusted adjusted && adjusted.lot() != null) {
            return credited(adjusted.lot(), PointsLot.Type.ADJUSTMENT, adjusted.adjustmentId());
        }
        return null;
    }

    private static Credited credited(Lot lot, PointsLot.Type type, String id) {
        return new Credited(lot.lotId(), new LotOrigin(lot.points(), new PointsLot.Source(type, id)));
    }

    record Credited(String lotId, LotOrigin origin) {
    }
}
