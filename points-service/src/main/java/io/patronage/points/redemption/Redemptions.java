package io.patronage.points.redemption;

import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.program.OverBalance;

import java.time.Instant;

/**
 * The redemption policy: a request is paid from the points available at its instant, oldest lots first, or rejected
 * with the reason (a frozen account answers too, so the redemption waiting for it ends). A till's or an operator's
 * request ({@link SpendPoints}) above the available points redeems what is available when the program clamps
 * ({@link OverBalance#CLAMP}); a reward's debit request ({@link RedeemPoints}) never does.
 */
public final class Redemptions {

    private Redemptions() {
    }

    /**
     * A reward's debit request: all or nothing.
     *
     * @throws IllegalArgumentException when the request's points are finer than the chain's {@code unit}
     */
    public static RedemptionAnswer answer(String memberId, String chainId, RedeemPoints command, PointsUnit unit,
                                          Ledger ledger, boolean frozen) {
        return answer(memberId, chainId, command.requestId(), unit.units(command.points()), command.reason(),
                command.at(), false, ledger, frozen);
    }

    /** A till's or an operator's request: clamped to the available points when the program says so. */
    public static RedemptionAnswer answer(String memberId, String chainId, SpendPoints command, OverBalance overBalance,
                                          Ledger ledger, boolean frozen) {
        return answer(memberId, chainId, command.requestId(), command.points(), command.reason(), command.at(),
                overBalance == OverBalance.CLAMP, ledger, frozen);
    }

    private static RedemptionAnswer answer(String memberId, String chainId, String requestId, long requested,
                                           String reason, Instant at, boolean clamp, Ledger ledger, boolean frozen) {
        long available = ledger.available(at);
        long points = clamp ? Math.min(requested, Math.max(0, available)) : requested;
        RejectionReason refused = frozen ? RejectionReason.ACCOUNT_FROZEN
                : requested <= 0 ? RejectionReason.INVALID_POINTS
                : points <= 0 || points > available ? RejectionReason.INSUFFICIENT_POINTS
                : null;
        if (refused != null) {
            return new PointsRedemptionRejected(memberId, chainId, requestId, requested, refused, ledger.balance());
        }
        return new PointsRedeemed(memberId, chainId, requestId, points, reason,
                ledger.oldestFirst(points, lot -> lot.availableAt(at)), ledger.balance() - points,
                points < requested ? requested : null);
    }
}
