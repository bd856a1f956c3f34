package io.patronage.rewards.redemption;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A redemption as the member's app shows it.
 *
 * @param reason      why it was rejected, e.g. {@code INSUFFICIENT_POINTS}
 * @param detail      the rejection explained for a person
 * @param completedAt when the coupon was issued or the redemption rejected
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
                             Instant completedAt) {

    public enum Status { PENDING, COMPLETED, REJECTED }
}
