package io.patronage.contracts.rewards;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** A coupon was issued to a member for a redeemed reward. */
public record CouponIssued(String couponCode,
                           String memberId,
                           String chainId,
                           String redemptionId,
                           String rewardId,
                           long pointsSpent,
                           Instant issuedAt,
                           Instant expiresAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
