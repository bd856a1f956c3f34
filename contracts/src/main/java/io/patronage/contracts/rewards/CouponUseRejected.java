package io.patronage.contracts.rewards;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * A till presented a coupon that could not be used, so the chain can act on it (a coupon shown twice, say).
 *
 * @param memberId the coupon's member
 * @param reason   {@code ALREADY_USED} (in another transaction), {@code EXPIRED}, or {@code NOT_ISSUED}
 * @param detail   a sentence a person can read
 */
public record CouponUseRejected(String couponCode,
                                String memberId,
                                String chainId,
                                String redemptionId,
                                String transactionId,
                                String storeId,
                                String reason,
                                String detail,
                                Instant attemptedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
