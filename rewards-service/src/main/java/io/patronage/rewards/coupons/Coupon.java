package io.patronage.rewards.coupons;

import java.time.Instant;

/** A coupon a member holds; {@code status} is ISSUED until {@code expiresAt}, then EXPIRED. */
public record Coupon(String couponCode,
                     String rewardId,
                     String redemptionId,
                     Instant issuedAt,
                     Instant expiresAt,
                     Status status) {

    public enum Status { ISSUED, EXPIRED }

    static Status statusAt(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt) ? Status.ISSUED : Status.EXPIRED;
    }
}
