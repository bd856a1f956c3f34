package io.patronage.harness.workload;

/**
 * What the till records are made of, as shares of the stream.
 *
 * @param memberShare    of the purchases, those with a member's card
 * @param returnShare    of the new transactions, returns of earlier purchases
 * @param duplicateShare of the deliveries, resends of a recent one
 * @param couponShare    of the purchases, those with a coupon
 */
public record Mix(double memberShare, double returnShare, double duplicateShare, double couponShare) {

    /** The bench's peak: what the platform is sized for. */
    public static final Mix BLACK_FRIDAY = new Mix(0.70, 0.03, 0.01, 0.04);

    /** The demo's: purchases, about three in ten without a card, nothing returned, resent or discounted. */
    public static final Mix PURCHASES = new Mix(0.70, 0, 0, 0);
}
