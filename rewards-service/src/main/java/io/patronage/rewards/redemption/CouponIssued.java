package io.patronage.rewards.redemption;

import java.time.Instant;

/** Internal to rewards-service; {@code io.patronage.contracts.rewards.CouponIssued} is what other services see. */
public record CouponIssued(String redemptionId,
                           String memberId,
                           String chainId,
                           String rewardId,
                           long points,
                           String couponCode,
                           Instant issuedAt,
                           Instant expiresAt) {
}
