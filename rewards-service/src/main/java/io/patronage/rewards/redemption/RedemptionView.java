package io.patronage.rewards.redemption;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A redemption as the member's app shows it.
 *
 * @param reason      why it was rejected, e.g. {@code INSUFFICIENT_POINTS}
 * @param detail      the rejection explained for a person
 * @param completedAt    when the coupon was issued or the redemption rejected or expired
 * @param deadline       when a pending redemption expires without an answer from points-service
 * @param refundedPoints points debited without a coupon (after the deadline, or a partial debit), asked back (kept
 *                       as a decimal string; as a number in documents written before)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedemptionView(String redemptionId,
                             String memberId,
                             String rewardId,
                             long points,
                             Status status,
                             String reason,
                             String detail,
                             String couponCode,
                             Instant couponExpiresAt,
                             Instant requestedAt,
                             Instant completedAt,
                             Instant deadline,
                             BigDecimal refundedPoints) {

    public enum Status { PENDING, COMPLETED, REJECTED, EXPIRED }
}
