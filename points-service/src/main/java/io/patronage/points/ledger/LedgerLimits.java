package io.patronage.points.ledger;

import io.patronage.contracts.points.PointsLimits;

import java.math.BigDecimal;

/**
 * The ledger's ceilings ({@link PointsLimits}) and its exact arithmetic: one credit is at most
 * {@link #TRANSACTION} points, a debit and a balance at most {@link #BALANCE} either way. Command handlers refuse
 * what would cross them ({@link PointsOverflowException}); an event stored beyond them by an older version is
 * poisoned ({@code Poisoned.violation} in the account): the account freezes at it and every reader skips it, never
 * wraps around.
 */
public final class LedgerLimits {

    public static final long TRANSACTION = PointsLimits.TRANSACTION;
    public static final long BALANCE = PointsLimits.BALANCE;

    private LedgerLimits() {
    }

    /** {@code a + b}, refused beyond a {@code long}. */
    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new PointsOverflowException(a + " + " + b + " is beyond a long");
        }
    }

    /** The points {@code what} credits, whole and refused above {@link #TRANSACTION}. */
    public static long credit(BigDecimal points, String what) {
        if (points.compareTo(BigDecimal.valueOf(TRANSACTION)) > 0 || points.compareTo(BigDecimal.valueOf(-TRANSACTION)) < 0) {
            throw new PointsOverflowException(what + " would credit " + points.toPlainString()
                    + " points, beyond the ceiling of " + TRANSACTION + " per transaction");
        }
        return points.longValueExact();
    }

    /** A member's balance after {@code delta}, refused beyond ±{@link #BALANCE}. */
    public static long balanceAfter(String memberId, long balance, long delta) {
        long after = add(balance, delta);
        if (after > BALANCE || after < -BALANCE) {
            throw new PointsOverflowException("the balance of member " + memberId + " would be " + after
                    + " (" + balance + (delta < 0 ? " - " + -delta : " + " + delta) + "), beyond the ceiling of ±"
                    + BALANCE);
        }
        return after;
    }
}
