package io.patronage.points.account;

import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.returns.PointsReversed;

import java.util.ArrayList;
import java.util.List;

import static io.patronage.points.ledger.LedgerLimits.BALANCE;
import static io.patronage.points.ledger.LedgerLimits.TRANSACTION;

/**
 * Stored events beyond the ledger's ceilings ({@link LedgerLimits}), written by an older version: the account freezes
 * at the first one and every reader skips it, never wraps around.
 */
public final class Poisoned {

    private Poisoned() {
    }

    /** Whether {@code event} moves points (credits or debits lots): these are what a frozen account no longer folds. */
    public static boolean movesPoints(PointsAccountEvent event) {
        return Figures.of(event) != null;
    }

    /**
     * Why a stored event is beyond the ceilings, {@code null} when it is within them: its credits, debits and the
     * balance it records after itself. Events without points are always within.
     */
    public static String violation(PointsAccountEvent event) {
        Figures figures = Figures.of(event);
        if (figures == null) {
            return null;
        }
        for (long credit : figures.credits) {
            if (credit < 0 || credit > TRANSACTION) {
                return figures.label + " credits " + credit + " points, beyond the ceiling of " + TRANSACTION
                        + " per transaction";
            }
        }
        for (long debit : figures.debits) {
            if (debit < 0 || debit > BALANCE) {
                return figures.label + " debits " + debit + " points, beyond the ceiling of " + BALANCE;
            }
        }
        if (figures.balanceAfter > BALANCE || figures.balanceAfter < -BALANCE) {
            return figures.label + " leaves a balance of " + figures.balanceAfter + ", beyond the ceiling of ±"
                    + BALANCE;
        }
        return null;
    }

    /** The point figures of an event, named for a message. */
    private record Figures(String label, List<Long> credits, List<Long> debits, long balanceAfter) {

        static Figures of(PointsAccountEvent event) {
            List<Long> credits = new ArrayList<>();
            List<Long> debits = new ArrayList<>();
            if (event instanceof PointsEarned e) {
                credits.add(e.points());
                lot(e.lot(), credits);
                return new Figures("PointsEarned " + e.chainId() + ":" + e.transactionId(), credits, debits,
                        e.balanceAfter());
            }
            if (event instanceof PointsAwarded a) {
                credits.add(a.points());
                lot(a.lot(), credits);
                return new Figures("PointsAwarded " + a.awardId(), credits, debits, a.balanceAfter());
            }
            if (event instanceof PointsAdjusted a) {
                (a.points() < 0 ? debits : credits).add(a.points() == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(a.points()));
                lot(a.lot(), credits);
                debits(a.debits(), debits);
                return new Figures("PointsAdjusted " + a.adjustmentId(), credits, debits, a.balanceAfter());
            }
            if (event instanceof PointsReversed r) {
                debits.addAll(List.of(r.points(), r.debt(), r.shortfall()));
                debits(r.debits(), debits);
                return new Figures("PointsReversed " + r.chainId() + ":" + r.transactionId(), credits, debits,
                        r.balanceAfter());
            }
            if (event instanceof PointsRedeemed r) {
                debits.add(r.points());
                debits(r.debits(), debits);
                return new Figures("PointsRedeemed " + r.requestId(), credits, debits, r.balanceAfter());
            }
            if (event instanceof PointsExpired x) {
                debits.add(x.points());
                debits.add(x.debtSettled());
                debits(x.debits(), debits);
                return new Figures("PointsExpired at " + x.expiredAt(), credits, debits, x.balanceAfter());
            }
            return null;
        }

        private static void lot(Lot lot, List<Long> credits) {
            if (lot != null) {
                credits.add(lot.points());
            }
        }

        private static void debits(List<LotDebit> lotDebits, List<Long> debits) {
            if (lotDebits != null) {
                lotDebits.forEach(debit -> debits.add(debit.points()));
            }
        }
    }
}
