package io.patronage.points.redemption;

import io.patronage.points.ledger.LotDebit;

import java.util.List;

/**
 * Points were debited for a request, from the oldest lots first.
 *
 * @param requested what the request asked for when it was clamped to the available points (more than
 *                  {@code points}); {@code null} when it got what it asked for, and in events recorded before
 */
public record PointsRedeemed(String memberId,
                             String chainId,
                             String requestId,
                             long points,
                             String reason,
                             List<LotDebit> debits,
                             long balanceAfter,
                             Long requested) implements RedemptionAnswer {

    public PointsRedeemed(String memberId, String chainId, String requestId, long points, String reason,
                          List<LotDebit> debits, long balanceAfter) {
        this(memberId, chainId, requestId, points, reason, debits, balanceAfter, null);
    }

    /** What the request asked for. */
    public long requestedPoints() {
        return requested == null ? points : requested;
    }
}
