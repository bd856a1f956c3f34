package io.patronage.points.account;

/** The one answer a redemption request gets. */
public sealed interface RedemptionAnswer extends PointsAccountEvent permits PointsRedeemed, PointsRedemptionRejected {

    String requestId();
}
