package io.patronage.rewards.redemption;

import java.time.Instant;

/** Internal; {@code io.patronage.contracts.rewards.CouponUseRejected} is what other services see. */
public record CouponUseRejected(String redemptionId, String memberId, String chainId, String couponCode,
                                String transactionId, String storeId, String reason, String detail,
                                Instant attemptedAt) {
}
