package io.patronage.rewards.redemption;

import java.time.Instant;

/** No answer from points-service before the deadline: no coupon; a debit that still comes is given back. */
public record RedemptionExpired(String redemptionId, Instant expiredAt) {
}
