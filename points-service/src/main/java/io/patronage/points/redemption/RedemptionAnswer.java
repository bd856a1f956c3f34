package io.patronage.points.redemption;

import io.patronage.points.ledger.PointsAccountEvent;

/** The one answer a redemption request gets. */
public sealed interface RedemptionAnswer extends PointsAccountEvent permits PointsRedeemed, PointsRedemptionRejected {

    String requestId();

    String chainId();
}
