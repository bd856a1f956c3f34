package io.patronage.rewards.coupons;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A coupon a member holds; {@code status} is ISSUED until it is used ({@code USED}, with the transaction) or
 * {@code expiresAt} passes ({@code EXPIRED}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Coupon(String couponCode,
                     String rewardId,
                     String redemptionId,
                     Instant issuedAt,
                     Instant expiresAt,
                     Status status,
                     Instant usedAt,
                     String transactionId) {

    public enum Status { ISSUED, USED, EXPIRED }

    static Status statusAt(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt) ? Status.ISSUED : Status.EXPIRED;
    }
}
