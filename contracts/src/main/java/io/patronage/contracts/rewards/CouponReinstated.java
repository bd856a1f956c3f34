package io.patronage.contracts.rewards;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * The whole order a coupon was used in was returned while the coupon was still valid: it can be used again until
 * {@code expiresAt}.
 */
public record CouponReinstated(String couponCode,
                               String memberId,
                               String chainId,
                               String redemptionId,
                               String returnTransactionId,
                               Instant reinstatedAt,
                               Instant expiresAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
