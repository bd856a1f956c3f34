package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Hands the member the coupon for a redemption whose points are debited. */
public record IssueCoupon(@TargetAggregateIdentifier String redemptionId, String couponCode, Instant issuedAt) {
}
