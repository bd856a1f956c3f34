package io.patronage.points.redemption;

import io.patronage.points.ledger.Ledger;

/**
 * The redemption policy: a request is paid from the points available at its instant, oldest lots first, or rejected
 * with the reason (a frozen account answers too, so the redemption waiting for it ends).
 */
public final class Redemptions {

    private Redemptions() {
    }

    public static RedemptionAnswer answer(String memberId, String chainId, RedeemPoints command, Ledger ledger,
                                          boolean frozen) {
        RejectionReason refused = frozen ? RejectionReason.ACCOUNT_FROZEN
                : command.points() <= 0 ? RejectionReason.INVALID_POINTS
                : command.points() > ledger.available(command.at()) ? RejectionReason.INSUFFICIENT_POINTS
                : null;
        if (refused != null) {
            return new PointsRedemptionRejected(memberId, chainId, command.requestId(), command.points(), refused,
                    ledger.balance());
        }
        return new PointsRedeemed(memberId, chainId, command.requestId(), command.points(), command.reason(),
                ledger.oldestFirst(command.points(), lot -> lot.availableAt(command.at())),
                ledger.balance() - command.points());
    }
}
