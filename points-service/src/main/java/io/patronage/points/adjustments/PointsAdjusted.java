package io.patronage.points.adjustments;

import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;

import java.time.Instant;
import java.util.List;

/**
 * An operator corrected the balance: a credit is a new lot, a debit is taken from the lots oldest first.
 *
 * @param expiresAt the expiry the operator set for the credited lot (the lot carries it);
 *                  {@code null} when it follows the program's rule, as in every event stored before the field
 * @param paymentRefund what of a purchase's points payment a return gives back with this credit; {@code null} for an
 *                      operator's adjustment (and in every event stored before the field)
 */
public record PointsAdjusted(String memberId, String chainId, String adjustmentId, long points, String reason,
                             String actor, Lot lot, List<LotDebit> debits, long balanceAfter,
                             Instant adjustedAt, Instant expiresAt, PaymentRefund paymentRefund)
        implements PointsAccountEvent {

    /** An operator's adjustment. */
    public PointsAdjusted(String memberId, String chainId, String adjustmentId, long points, String reason,
                          String actor, Lot lot, List<LotDebit> debits, long balanceAfter, Instant adjustedAt,
                          Instant expiresAt) {
        this(memberId, chainId, adjustmentId, points, reason, actor, lot, debits, balanceAfter, adjustedAt, expiresAt,
                null);
    }

    public PointsAdjusted withPaymentRefund(PaymentRefund refund) {
        return new PointsAdjusted(memberId, chainId, adjustmentId, points, reason, actor, lot, debits, balanceAfter,
                adjustedAt, expiresAt, refund);
    }
}
