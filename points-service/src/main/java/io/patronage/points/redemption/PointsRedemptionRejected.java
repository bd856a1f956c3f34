package io.patronage.points.redemption;

/** A request was refused; nothing was debited. {@code balance} is what the account held. */
public record PointsRedemptionRejected(String memberId,
                                       String chainId,
                                       String requestId,
                                       long points,
                                       RejectionReason reason,
                                       long balance) implements RedemptionAnswer {
}
