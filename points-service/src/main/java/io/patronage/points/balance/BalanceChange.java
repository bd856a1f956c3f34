package io.patronage.points.balance;

import io.patronage.points.account.PointsAccountEvent;
import io.patronage.points.account.PointsEarned;
import io.patronage.points.account.PointsRedeemed;

/** What one account event does to the balance read model. */
record BalanceChange(long earned, long redeemed) {

    static BalanceChange of(PointsAccountEvent event) {
        if (event instanceof PointsEarned earned) {
            return new BalanceChange(earned.points(), 0);
        }
        if (event instanceof PointsRedeemed redeemed) {
            return new BalanceChange(0, redeemed.points());
        }
        return new BalanceChange(0, 0);
    }

    long balanceDelta() {
        return earned - redeemed;
    }
}
