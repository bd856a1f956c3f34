package io.patronage.points.tillpayment;

/**
 * A till record's points payment the account refuses: the record is dead-lettered with this message as its
 * {@code dlq.reason} (starting with {@value #REASON} and the {@link Refusal}) and nothing of it counts.
 */
public class PointsPaymentRefusedException extends IllegalStateException {

    public static final String REASON = "points-payment-refused";

    private final Refusal refusal;

    public PointsPaymentRefusedException(Refusal refusal, String detail) {
        super(REASON + ": " + refusal + ": " + detail);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** Why a points payment was refused. */
    public enum Refusal {
        /** Fewer points than the program's {@code redemption.minimumPoints}. */
        BELOW_MINIMUM_POINTS,
        /** A larger part of the total than the program's {@code redemption.maximumShareOfOrder}. */
        ABOVE_MAXIMUM_SHARE,
        /** More points than the member has available (pending points cannot pay). */
        INSUFFICIENT_POINTS,
        /** The member's membership has ended. */
        MEMBERSHIP_ENDED,
        /** More decimals of a point than the chain's points keep. */
        FINER_THAN_POINTS
    }
}
