package io.patronage.points.account;

import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.tiers.Activity;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an account holds, folded from its events: the {@link Ledger} (open lots and debt) and the {@link Activity} that
 * counts towards the tiers. The one fold of them: the account's {@link AccountState} applies it, and so does the
 * balance read model, which answers available, pending, debt, expiring and tier figures from what it folded.
 */
public final class Holdings {

    private Holdings() {
    }

    /** Applies what {@code event} does to {@code ledger} and {@code activity} (an event of another kind: nothing). */
    public static void fold(PointsAccountEvent event, Ledger ledger, List<Activity> activity) {
        if (event instanceof PointsEarned earned) {
            if (earned.lot() != null) {
                ledger.credit(earned.lot());
            }
            activity.add(new Activity(earned.occurredAt().toInstant(), earned.points(), earned.eligibleAmount(), 1));
        } else if (event instanceof PointsReversed reversed) {
            ledger.debit(reversed.debits());
            ledger.addDebt(reversed.debt());
            activity.add(new Activity(reversed.occurredAt().toInstant(), -reversed.points(),
                    reversed.returnedAmount().negate(), 0));
        } else if (event instanceof PointsRedeemed redeemed) {
            ledger.debit(redeemed.debits());
        } else if (event instanceof PointsAwarded awarded) {
            ledger.credit(awarded.lot());
            activity.add(new Activity(awarded.awardedAt(), awarded.points(), BigDecimal.ZERO, 0));
        } else if (event instanceof PointsAdjusted adjusted) {
            if (adjusted.lot() != null) {
                ledger.credit(adjusted.lot());
            }
            ledger.debit(adjusted.debits());
        } else if (event instanceof PointsExpired expired) {
            ledger.debit(expired.debits());
            ledger.addDebt(-expired.debtSettled());
        }
    }
}
