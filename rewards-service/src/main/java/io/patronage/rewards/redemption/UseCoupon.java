package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A till presented the redemption's coupon in a purchase ({@code at}: the till's time). */
public record UseCoupon(@TargetAggregateIdentifier String redemptionId, String couponCode, String transactionId,
                        String storeId, Instant at) {
}
