package io.patronage.rewards.redemption;

import java.time.Instant;

/** Internal; {@code io.patronage.contracts.rewards.CouponExpired} is what other services see. */
public record CouponExpired(String redemptionId, String memberId, String chainId, String rewardId, String couponCode,
                            Instant expiredAt) {
}
