package io.patronage.points.balance;

import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.returns.PointsReversed;

/**
 * What one account event does to the balance read model. {@code earned} is net of returns (earned and awarded
 * minus reversed); expiries and adjustments change only the balance.
 */
record BalanceChange(long balanceDelta, long earned, long redeemed) {

    static final BalanceChange NONE = new BalanceChange(0, 0, 0);

    static BalanceChange of(PointsAccountEvent event) {
        if (event instanceof PointsEarned earned) {
            return new BalanceChange(earned.points(), earned.points(), 0);
        }
        if (event instanceof PointsAwarded awarded) {
            return new BalanceChange(awarded.points(), awarded.points(), 0);
        }
        if (event instanceof PointsReversed reversed) {
            return new BalanceChange(-reversed.taken(), -reversed.points(), 0);
        }
        if (event instanceof PointsRedeemed redeemed) {
            return new BalanceChange(-redeemed.points(), 0, redeemed.points());
        }
        if (event instanceof PointsAdjusted adjusted) {
            return new BalanceChange(adjusted.points(), 0, 0);
        }
        if (event instanceof PointsExpired expired) {
            return new BalanceChange(-expired.points(), 0, 0);
        }
        return NONE;
    }
}
