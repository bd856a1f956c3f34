package io.patronage.contracts.rewards;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/** A coupon was used at a till, in the purchase {@code transactionId} of the chain; it cannot be used again. */
public record CouponUsed(String couponCode,
                         String memberId,
                         String chainId,
                         String redemptionId,
                         String rewardId,
                         String transactionId,
                         String storeId,
                         Instant usedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
