package io.patronage.points.adjustments;

import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * An operator's correction, signed; {@code adjustmentId} counts once. A debit above the balance, or a credit that
 * would take it beyond the ledger's ceiling, is refused with an {@link IllegalStateException}.
 *
 * @param expiresAt when a credit's lot expires, after {@code at} and at most {@link #LONGEST_EXPIRY} after it;
 *                  {@code null}: as the program's expiry rule says
 */
public record AdjustPoints(@TargetAggregateIdentifier String memberId, String adjustmentId, long points, String reason,
                           String actor, Instant at, Instant expiresAt) {

    /**
     * Further than any program keeps points. An instant beyond what a stored date can hold (year 292278994) would
     * make every later update of the account's balance fail.
     */
    public static final Duration LONGEST_EXPIRY = Duration.ofDays(100 * 366);

    public AdjustPoints(String memberId, String adjustmentId, long points, String reason, String actor, Instant at) {
        this(memberId, adjustmentId, points, reason, actor, at, null);
    }

    public AdjustPoints {
        Require.text(memberId, "memberId");
        Require.text(adjustmentId, "adjustmentId");
        Require.text(reason, "reason");
        Require.text(actor, "actor");
        if (points == 0) {
            throw new IllegalArgumentException("an adjustment needs non-zero points");
        }
        if (points > LedgerLimits.TRANSACTION || points < -LedgerLimits.BALANCE) {
            throw new IllegalArgumentException("an adjustment credits at most " + LedgerLimits.TRANSACTION
                    + " points and debits at most " + LedgerLimits.BALANCE + ": " + points);
        }
        if (expiresAt != null && points < 0) {
            throw new IllegalArgumentException("expiresAt is only for a credit, not for a debit of " + -points
                    + " points");
        }
        if (expiresAt != null && !expiresAt.isAfter(at)) {
            throw new IllegalArgumentException("expiresAt must be after the adjustment (" + at + "): " + expiresAt);
        }
        if (expiresAt != null && expiresAt.isAfter(at.plus(LONGEST_EXPIRY))) {
            throw new IllegalArgumentException("expiresAt must be at most " + LONGEST_EXPIRY.toDays()
                    + " days after the adjustment (" + at + "): " + expiresAt);
        }
    }
}
