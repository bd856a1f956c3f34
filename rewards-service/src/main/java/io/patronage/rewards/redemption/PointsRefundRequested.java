package io.patronage.rewards.redemption;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Points debited for a redemption that gets no coupon (the debit came after the deadline, or was partial) are asked
 * back from points-service, once per redemption ({@code PointsCreditRequested}, request id
 * {@code <redemptionId>:refund}).
 *
 * @param points the points debited, as points-service answered them (with the chain's decimals)
 * @param reason {@code LATE_DEBIT} or {@code PARTIAL_DEBIT}
 */
public record PointsRefundRequested(String redemptionId, String memberId, String chainId, BigDecimal points,
                                    String reason,
                                    Instant requestedAt) {

    public String creditRequestId() {
        return redemptionId + ":refund";
    }
}
