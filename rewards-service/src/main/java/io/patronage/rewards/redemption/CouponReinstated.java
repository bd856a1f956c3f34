package io.patronage.rewards.redemption;

import java.time.Instant;

/** Internal; {@code io.patronage.contracts.rewards.CouponReinstated} is what other services see. */
public record CouponReinstated(String redemptionId, String memberId, String chainId, String couponCode,
                               String returnTransactionId, Instant reinstatedAt, Instant expiresAt) {
}
