package io.patronage.contracts.rewards;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** A coupon reached its expiry unused; published by rewards-service's expiry job. */
public record CouponExpired(String couponCode,
                            String memberId,
                            String chainId,
                            String redemptionId,
                            String rewardId,
                            Instant expiredAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
