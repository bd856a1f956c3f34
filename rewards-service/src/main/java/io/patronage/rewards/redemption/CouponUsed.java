package io.patronage.rewards.redemption;

import java.time.Instant;

/** Internal; {@code io.patronage.contracts.rewards.CouponUsed} is what other services see. */
public record CouponUsed(String redemptionId, String memberId, String chainId, String rewardId, String couponCode,
                         String transactionId, String storeId, Instant usedAt) {
}
