package io.patronage.points.tillpayment;

import io.patronage.contracts.retail.PointsPayment;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.program.RedemptionLimits;
import io.patronage.points.tillpayment.PointsPaymentRefusedException.Refusal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The policy of points paying at the till, pure functions: whether a purchase's {@link PointsPayment} may be paid
 * (the program's {@link RedemptionLimits} and the points available at the till's time; its worth at the chain's point
 * value was checked when the record was decoded), what of the purchase earns (the part paid otherwise), and what a
 * return gives back of the points (its share of the purchase's total, cumulative over partial returns, never more
 * than was spent).
 */
public final class TillPayments {

    /**
     * Prefix of the adjustment id of a return's give-back:
     * {@code till-refund:<chainId>:<returnTransactionId>:<originalTransactionId>}.
     */
    public static final String REFUND_PREFIX = "till-refund:";

    private TillPayments() {
    }

    /**
     * @throws PointsPaymentRefusedException when the program's limits or the available points refuse the payment
     */
    public static void check(String memberId, RedemptionLimits limits, PointsUnit unit, PosTransaction purchase,
                             Ledger ledger, boolean active) {
        PointsPayment payment = purchase.pointsPayment();
        String what = "transaction " + purchase.chainId() + ":" + purchase.transactionId() + " of member " + memberId
                + " pays " + payment.points().toPlainString() + " points (" + payment.amount().toPlainString() + " "
                + purchase.currency() + " of " + purchase.total().toPlainString() + ")";
        if (!active) {
            throw new PointsPaymentRefusedException(Refusal.MEMBERSHIP_ENDED, what + " after the membership ended");
        }
        long points;
        try {
            points = unit.units(payment.points());
        } catch (IllegalArgumentException e) {
            throw new PointsPaymentRefusedException(Refusal.FINER_THAN_POINTS, what + ": " + e.getMessage());
        }
        if (points < unit.units(limits.minimumPointsOrDefault())) {
            throw new PointsPaymentRefusedException(Refusal.BELOW_MINIMUM_POINTS, what + ", the program's"
                    + " redemption.minimumPoints is " + limits.minimumPointsOrDefault());
        }
        BigDecimal most = purchase.total().multiply(limits.maximumShareOrDefault());
        if (payment.amount().compareTo(most) > 0) {
            throw new PointsPaymentRefusedException(Refusal.ABOVE_MAXIMUM_SHARE, what + ", the program's"
                    + " redemption.maximumShareOfOrder is " + limits.maximumShareOrDefault().toPlainString()
                    + " (at most " + most.stripTrailingZeros().toPlainString() + ")");
        }
        long available = ledger.available(purchase.occurredAt().toInstant());
        if (points > available) {
            throw new PointsPaymentRefusedException(Refusal.INSUFFICIENT_POINTS, what + ", "
                    + unit.points(Math.max(0, available)).toPlainString() + " are available");
        }
    }

    /** The debit of an accepted payment (see {@link #check}): from the lots available at the till's time, oldest first. */
    public static PointsRedeemed pay(String memberId, PosTransaction purchase, PointsUnit unit, Ledger ledger) {
        long points = unit.units(purchase.pointsPayment().points());
        Instant at = purchase.occurredAt().toInstant();
        return new PointsRedeemed(memberId, purchase.chainId(), requestId(purchase), points,
                "till:" + purchase.storeId() + ":" + purchase.transactionId(),
                ledger.oldestFirst(points, lot -> lot.availableAt(at)),
                LedgerLimits.add(ledger.balance(), -points));
    }

    /** The request id of a purchase's points payment, as its {@code PointsRedeemed} carries it. */
    public static String requestId(PosTransaction purchase) {
        return "till:" + purchase.chainId() + ":" + purchase.transactionId();
    }

    /** The purchase as it earns: its total less what the points paid, spread over the lines as a basket discount. */
    public static PosTransaction earningPart(PosTransaction purchase) {
        PointsPayment payment = purchase.pointsPayment();
        if (payment == null) {
            return purchase;
        }
        return withTotal(purchase, purchase.total().subtract(payment.amount()));
    }

    /**
     * A return of a purchase that points paid part of, as its earning sees it: the returned total scaled to the part
     * paid otherwise, so that the points the purchase earned are reversed in the same proportion as ever.
     */
    public static PosTransaction earningPartOfReturn(PosTransaction refund, PointsPaid paid) {
        if (paid == null || paid.total().signum() == 0) {
            return refund;
        }
        BigDecimal otherwise = paid.total().subtract(paid.amount());
        int scale = Math.max(refund.total().scale(), 0);
        BigDecimal scaled = refund.total().abs().multiply(otherwise).divide(paid.total(), scale + 12,
                RoundingMode.HALF_UP).stripTrailingZeros();
        return withTotal(refund, scaled.scale() < scale ? scaled.setScale(scale) : scaled);
    }

    /**
     * What {@code refund} gives back of the points that paid for its purchase: the points of the share of the
     * purchase's total returned so far (floored to the chain's {@code unit}, whole refund = all of them) less what was
     * given back before; {@code null} when that is not one unit.
     */
    public static AdjustPoints giveBack(String memberId, PointsPaid paid, PosTransaction refund, PointsUnit unit) {
        BigDecimal cumulative = shareAfter(paid, refund);
        long spent = unit.units(paid.points());
        // the share is a 12-digit quotient: settle its last-digit error before flooring (as Reversals does)
        long target = BigDecimal.valueOf(spent).multiply(cumulative)
                .setScale(6, RoundingMode.HALF_UP).setScale(0, RoundingMode.FLOOR).longValueExact();
        long points = Math.min(target, spent) - paid.givenBack();
        if (points <= 0) {
            return null;
        }
        return new AdjustPoints(memberId, refundId(refund), points,
                "points paid for " + refund.originalTransactionId() + " given back by return " + refund.transactionId(),
                "till:" + refund.storeId(), refund.occurredAt().toInstant());
    }

    /** The share of the purchase returned so far once {@code refund} is counted. */
    public static BigDecimal shareAfter(PointsPaid paid, PosTransaction refund) {
        BigDecimal share = paid.total().signum() == 0 ? BigDecimal.ONE
                : refund.total().abs().divide(paid.total(), 12, RoundingMode.HALF_UP);
        return paid.returnedShare().add(share).min(BigDecimal.ONE);
    }

    public static String refundId(PosTransaction refund) {
        return REFUND_PREFIX + refund.chainId() + ":" + refund.transactionId() + ":" + refund.originalTransactionId();
    }

    private static PosTransaction withTotal(PosTransaction transaction, BigDecimal total) {
        return new PosTransaction(transaction.transactionId(), transaction.chainId(), transaction.storeId(),
                transaction.cardNumber(), transaction.type(), transaction.occurredAt(), transaction.currency(), total,
                transaction.lines(), transaction.couponCodes(), transaction.originalTransactionId(),
                transaction.pointsPayment());
    }
}
