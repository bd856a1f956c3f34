package io.patronage.points.redemption;

import io.patronage.points.ledger.LotDebit;

import java.util.List;

/** Points were debited for a request, from the oldest lots first. */
public record PointsRedeemed(String memberId,
                             String chainId,
                             String requestId,
                             long points,
                             String reason,
                             List<LotDebit> debits,
                             long balanceAfter) implements RedemptionAnswer {
}
